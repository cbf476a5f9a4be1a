#pragma once
// Visible signature appearances per Nghị định 30/2020, Phụ lục I, drawn with PoDoFo into a form XObject
// with Liberation Serif (Times-compatible) subset fonts, Identity-H, text in NFC.

#include <ctime>
#include <string>
#include <vector>

#include "generators/signing/signature_request.h"

namespace PoDoFo {
class PdfMemDocument;
class PdfXObject;
}  // namespace PoDoFo

namespace thidua::signing {

/// Font size of the position and name lines of a Signer appearance, in points.
constexpr double kSignerTextSize = 13;
/// Font size of the OrganisationText appearance (Times, 10 pt, upright, black).
constexpr double kOrganisationTextSize = 10;
/// A typical round seal of an organisation is 35–40 mm across; 36 mm is the default real size.
constexpr double kDefaultSealDiameterMm = 36;

/// Returns the rectangle, in page coordinates, where a Signer appearance in `field` draws the PNG
/// `signatureImagePng`: between the position lines (`position`, lines separated by "\n", e.g.
/// "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH") and the name line, aspect ratio kept, centred.
/// Throws std::invalid_argument when `signatureImagePng` is not a PNG.
Rect signatureImageRect(const Rect& field, const std::string& signatureImagePng, const std::string& position = "");

/// Returns the rectangle of a seal `diameterMm` across (real size) that covers the left third of
/// `imageRect`: its right edge at one third of the image's width, centred on the image vertically.
Rect sealRectOverlapping(const Rect& imageRect, double diameterMm = kDefaultSealDiameterMm);

/// Returns the lines of an OrganisationText appearance: organisation, "Số: <numberAndCode>",
/// "Thời gian ký: <ISO 8601 in Vietnam time>", all in NFC.
std::vector<std::string> organisationTextLines(const std::string& organisation, const std::string& numberAndCode,
                                               std::time_t signingTime);

/// Returns the rectangle of an OrganisationText appearance for `lines` on a page `pageWidth` x
/// `pageHeight` points: top right, 15 mm from the right edge and 10 mm from the top.
Rect organisationTextRect(PoDoFo::PdfMemDocument& doc, const std::vector<std::string>& lines, double pageWidth,
                          double pageHeight);

/// Draws the appearance of `request` (kind Signer, Seal or OrganisationText) into `xobject`, a form
/// XObject of size `width` x `height` belonging to `doc`. `signerName` and `organisation` are the texts
/// already resolved (request or certificate). Throws PoDoFo::PdfError or std::invalid_argument (bad PNG,
/// missing image).
void drawAppearance(PoDoFo::PdfMemDocument& doc, PoDoFo::PdfXObject& xobject, double width, double height,
                    const SignatureRequest& request, const std::string& signerName,
                    const std::vector<std::string>& organisationLines);

}  // namespace thidua::signing
