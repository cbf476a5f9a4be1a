#include "generators/pdf/certificate_template.h"

#include <cstdio>
#include <vector>

#include "generators/common/file_io.h"
#include "generators/pdf/json_data.h"
#include "generators/pdf/render_error.h"

namespace thidua::pdf {
namespace {

Color parseColor(const std::string& text, const std::string& where) {
  unsigned r = 0, g = 0, b = 0;
  if (text.size() != 7 || text[0] != '#' || std::sscanf(text.c_str() + 1, "%2x%2x%2x", &r, &g, &b) != 3) {
    throw RenderError(where + ": màu phải có dạng #RRGGBB, nhận \"" + text + "\"");
  }
  return Color{r / 255.0, g / 255.0, b / 255.0};
}

std::shared_ptr<TextTemplate> fieldTemplate(JsonReader& f, const std::string& key, const std::string& source) {
  return std::make_shared<TextTemplate>(f.text(key), source + " (" + f.path(key) + ")", Escape::None);
}

Face parseFace(const std::string& style, const std::string& where) {
  if (style == "regular") return Face::Regular;
  if (style == "bold") return Face::Bold;
  if (style == "italic") return Face::Italic;
  if (style == "bold-italic") return Face::BoldItalic;
  throw RenderError(where + ": \"style\" phải là regular, bold, italic hoặc bold-italic");
}

Align parseAlign(const std::string& align, const std::string& where) {
  if (align == "center") return Align::Center;
  if (align == "left") return Align::Left;
  if (align == "right") return Align::Right;
  if (align == "justify") return Align::Justify;
  throw RenderError(where + ": \"align\" phải là center, left, right hoặc justify");
}

}  // namespace

CertificateTemplate::CertificateTemplate(const std::string& json, const std::string& source) {
  auto impl = std::make_shared<Impl>();
  impl->source = source;
  const Poco::Dynamic::Var root = parseJson(json, source);
  if (root.type() != typeid(Poco::JSON::Object::Ptr)) throw RenderError(source + ": mẫu phải là đối tượng {…}");
  JsonReader top = readFields(root.extract<Poco::JSON::Object::Ptr>(), source);
  if (top.has("required")) impl->required = top.lines("required");
  impl->id = fieldTemplate(top, "id", source);
  if (top.has("date")) impl->date = fieldTemplate(top, "date", source);
  if (top.has("file_name")) impl->fileName = fieldTemplate(top, "file_name", source);
  for (JsonReader& f : top.optionalObjects("frames")) {
    Frame fr;
    fr.inset = f.optionalNumber("inset").value_or(fr.inset);
    fr.width = f.optionalNumber("width").value_or(fr.width);
    if (f.has("color")) fr.color = parseColor(f.text("color"), f.where("color"));
    impl->frames.push_back(fr);
  }
  std::vector<JsonReader> texts = top.objects("texts");
  if (texts.empty()) top.fail("texts", "cần ít nhất một dòng chữ");
  for (JsonReader& f : texts) {
    TextField t;
    t.text = fieldTemplate(f, "text", source);
    t.x = f.optionalNumber("x").value_or(0);
    t.y = f.optionalNumber("y").value_or(-1);
    t.width = f.optionalNumber("width").value_or(297 - t.x);
    t.size = f.optionalNumber("size").value_or(14);
    if (t.y < 0 || t.y > 210 || t.x < 0 || t.x + t.width > 297.01 || t.width <= 0) {
      throw RenderError(f.where() + ": vị trí (x, y, width, tính bằng mm) phải nằm trong khổ A4 ngang 297 × 210");
    }
    if (t.size < 4 || t.size > 96) throw RenderError(f.where() + ": \"size\" phải trong khoảng 4–96 pt");
    t.face = parseFace(f.optionalText("style").value_or("regular"), f.where());
    t.align = parseAlign(f.optionalText("align").value_or("center"), f.where());
    if (f.has("color")) t.color = parseColor(f.text("color"), f.where("color"));
    t.lineHeight = f.optionalNumber("line_height").value_or(1.2);
    t.maxLines = static_cast<int>(f.optionalNumber("max_lines").value_or(0));
    impl->texts.push_back(t);
  }
  if (auto q = top.optionalObject("qr")) {
    impl->qrText = fieldTemplate(*q, "text", source);
    impl->qrX = q->optionalNumber("x").value_or(20);
    impl->qrY = q->optionalNumber("y").value_or(160);
    impl->qrSize = q->optionalNumber("size").value_or(30);
    if (impl->qrSize < 15) throw RenderError(q->where() + ": \"size\" của mã QR phải ≥ 15 mm để quét được");
    if (impl->qrX < 0 || impl->qrY < 0 || impl->qrX + impl->qrSize > 297 || impl->qrY + impl->qrSize > 210) {
      throw RenderError(q->where() + ": mã QR (x, y, size, tính bằng mm) phải nằm trong khổ A4 ngang 297 × 210");
    }
  }
  impl_ = impl;
}

CertificateTemplate CertificateTemplate::fromFile(const std::string& path) {
  const std::optional<std::string> text = readWholeFile(path);
  if (!text) throw RenderError(path + ": không mở được tệp mẫu");
  return CertificateTemplate(*text, path);
}

CertificateTemplate::~CertificateTemplate() = default;
CertificateTemplate::CertificateTemplate(const CertificateTemplate&) = default;

CertificateTemplate::Impl threadCopy(const CertificateTemplate::Impl& t) {
  CertificateTemplate::Impl copy = t;
  auto own = [](std::shared_ptr<TextTemplate>& p) {
    if (p) p = std::make_shared<TextTemplate>(p->clone());
  };
  own(copy.id);
  own(copy.date);
  own(copy.fileName);
  own(copy.qrText);
  for (TextField& f : copy.texts) own(f.text);
  return copy;
}

}  // namespace thidua::pdf
