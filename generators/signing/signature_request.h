#pragma once
// What one signature looks like and where it goes: the input of prepareSignature / signPdf.

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>

namespace thidua::signing {

/// A rectangle in PDF points on a page, origin at the bottom left of the page.
struct Rect {
  double left = 0;
  double bottom = 0;
  double width = 0;
  double height = 0;
};

/// Which appearance a signature field gets (Nghị định 30/2020, Phụ lục I).
enum class AppearanceKind {
  Invisible,         // no widget on the page
  Signer,            // position (chức vụ), the signer's signature image, full name
  Seal,              // the organisation's seal image, real size; overlaps the signer's image on its left
  OrganisationText,  // text only, top right of page 1 of an attachment: organisation, number, time
};

/// A named, empty signature field laid out before any signature (layoutSignatureFields).
struct FieldSpec {
  std::string name;  // unique field name (/T), ASCII recommended
  int page = 0;      // 0-based page index
  Rect rect;
};

/// Everything that varies between signatures. Text is UTF-8 (normalised to NFC when drawn).
struct SignatureRequest {
  /// Field to sign into: an existing empty signature field of that name, or a new field.
  std::string fieldName;
  /// Page (0-based) and rectangle of a new field; ignored when signing into an existing field.
  /// For OrganisationText an empty rect means "top right of page 1".
  int page = 0;
  Rect rect;

  AppearanceKind kind = AppearanceKind::Invisible;
  std::string position;           // Signer: chức vụ, one or more lines ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")
  std::string signerName;         // Signer: full name; empty means the certificate's CN
  std::string signatureImagePng;  // Signer: PNG bytes (blue, transparent background)
  std::string sealImagePng;       // Seal: PNG bytes (red, transparent background)
  std::string organisation;       // OrganisationText: organisation name; empty means the certificate's CN
  std::string numberAndCode;      // OrganisationText: số và ký hiệu, e.g. "12/QĐ-UBND"

  std::string reason;    // /Reason, optional
  std::string location;  // /Location, optional

  /// Signing time (UTC seconds) written to /M and to the CMS signingTime; default: now.
  std::optional<std::time_t> signingTime;

  /// Bytes reserved for the CMS in /Contents; 0 lets signPdf estimate it (prepareSignature: 8 KB).
  std::size_t reservedBytes = 0;
};

}  // namespace thidua::signing
