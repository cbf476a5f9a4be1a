#include "generators/pdf/document_loader.h"

#include <Poco/JSON/Object.h>

#include <algorithm>

#include "generators/common/unicode.h"
#include "generators/pdf/json_data.h"
#include "generators/pdf/markdown_reader.h"
#include "generators/pdf/render_error.h"
#include "generators/pdf/text_template.h"
#include "generators/pdf/vn_date.h"

namespace thidua::pdf {
namespace {

const char* const kPrefixes[] = {"", "TM.", "KT.", "Q.", "TL.", "TUQ."};

void checkRange(double value, double lo, double hi, const std::string& field, const std::string& where) {
  if (value < lo || value > hi) {
    throw RenderError(where + ": trường \"page." + field + "\" phải trong khoảng " + std::to_string(int(lo)) +
                      "–" + std::to_string(int(hi)) + " (Nghị định 30/2020/NĐ-CP)");
  }
}

PageSetup readPage(JsonReader& data) {
  PageSetup p;
  if (!data.has("page")) return p;
  JsonReader page = data.object("page");
  p.marginTop = page.optionalNumber("margin_top").value_or(p.marginTop);
  p.marginBottom = page.optionalNumber("margin_bottom").value_or(p.marginBottom);
  p.marginLeft = page.optionalNumber("margin_left").value_or(p.marginLeft);
  p.marginRight = page.optionalNumber("margin_right").value_or(p.marginRight);
  p.fontSize = page.optionalNumber("font_size").value_or(p.fontSize);
  checkRange(p.marginTop, 20, 25, "margin_top", data.where());
  checkRange(p.marginBottom, 20, 25, "margin_bottom", data.where());
  checkRange(p.marginLeft, 30, 35, "margin_left", data.where());
  checkRange(p.marginRight, 15, 20, "margin_right", data.where());
  checkRange(p.fontSize, 13, 14, "font_size", data.where());
  return p;
}

Signature readSignature(JsonReader& data) {
  JsonReader s = data.object("signature");
  Signature sig;
  sig.prefix = s.optionalText("prefix").value_or("");
  bool known = false;
  for (const char* p : kPrefixes) known = known || sig.prefix == p;
  if (!known) {
    throw RenderError(s.where() + ": trường \"prefix\" phải là một trong TM., KT., Q., TL., TUQ. (hoặc để trống)");
  }
  sig.authority = s.optionalText("authority").value_or("");
  sig.position = s.optionalText("position").value_or("");
  sig.name = s.text("name");
  if (!sig.prefix.empty() && sig.authority.empty()) {
    throw RenderError(s.where() + ": có \"prefix\" thì phải có \"authority\" (ví dụ \"KT. CHỦ TỊCH\")");
  }
  if (sig.authority.empty() && sig.position.empty()) {
    throw RenderError(s.where() + ": cần \"position\" (chức vụ người ký)");
  }
  return sig;
}

std::vector<std::string> nonEmpty(std::vector<std::string> lines) {
  lines.erase(std::remove_if(lines.begin(), lines.end(),
                             [](const std::string& l) { return l.find_first_not_of(" \t\r") == std::string::npos; }),
              lines.end());
  return lines;
}

// Splits rendered Markdown at the annex marker line.
void splitAnnex(const std::string& text, std::string& body, std::string& annex) {
  const std::string marker = kAnnexMarker;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line == marker) {
      body = text.substr(0, start);
      annex = end < text.size() ? text.substr(end + 1) : std::string();
      return;
    }
    start = end + 1;
  }
  body = text;
  annex.clear();
}

}  // namespace

Document buildDocument(const std::string& templatePath, const Poco::Dynamic::Var& data,
                       const std::string& dataSource) {
  if (data.type() != typeid(Poco::JSON::Object::Ptr)) {
    throw RenderError(dataSource + ": dữ liệu văn bản phải là một đối tượng JSON {…}");
  }
  JsonReader fields = readFields(data.extract<Poco::JSON::Object::Ptr>(), dataSource);
  Document doc;
  DocumentMeta& m = doc.meta;
  m.id = fields.text("id");
  m.superior = nonEmpty(fields.lines("superior", true));
  m.issuer = fields.lines("issuer");
  m.number = padDocumentNumber(fields.text("number"));
  Date date;
  const std::string dateText = fields.text("date");
  if (!parseDate(dateText, date)) {
    throw RenderError(dataSource + ": trường \"date\" phải có dạng YYYY-MM-DD (ví dụ 2024-01-05), nhận \"" +
                      dateText + "\"");
  }
  m.placeDate = fields.text("place") + ", " + vietnameseDate(date);
  m.pdfDate = pdfDate(date);
  m.type = fields.text("type");
  m.summary = nonEmpty(fields.lines("summary", true));
  m.authorityLine = fields.optionalText("authority_line").value_or("");
  m.bases = nonEmpty(fields.lines("bases", true));
  m.recipients = fields.lines("recipients");
  m.archive = fields.text("archive");
  m.signature = readSignature(fields);
  doc.page = readPage(fields);

  kainjow::mustache::data context = toMustache(data);
  context.set("date_text", vietnameseDate(date));
  context.set("date_short", shortDate(date));
  context.set("number", m.number);

  const TextTemplate tmpl = TextTemplate::fromFile(templatePath, Escape::Markdown);
  const std::string markdown = tmpl.render(context);
  std::string body, annex;
  splitAnnex(markdown, body, annex);
  doc.body = readMarkdown(body, templatePath);
  if (!annex.empty()) doc.annex = readMarkdown(annex, templatePath);
  return doc;
}

Document loadDocument(const std::string& templatePath, const std::string& dataPath) {
  return buildDocument(templatePath, loadJsonFile(dataPath), dataPath);
}

}  // namespace thidua::pdf
