#include "generators/pdf/text_template.h"

#include <gtest/gtest.h>

#include "generators/pdf/render_error.h"

namespace thidua::pdf {
namespace {

TEST(TextTemplateTest, RendersAndEscapesForMarkdown) {
  const TextTemplate t("Tên: {{name}} / {{{raw}}}", "t.md", Escape::Markdown);
  kainjow::mustache::data d;
  d.set("name", "**A**-B|C\nD");
  d.set("raw", "**đậm**");
  EXPECT_EQ(t.render(d), "Tên: \\*\\*A\\*\\*\\-B\\|C D / **đậm**");
}

TEST(TextTemplateTest, PlainEscapeKeepsText) {
  const TextTemplate t("{{a}} & {{b}}", "t.json", Escape::None);
  kainjow::mustache::data d;
  d.set("a", "<Bà>");
  d.set("b", "\"Ông\"");
  EXPECT_EQ(t.render(d), "<Bà> & \"Ông\"");
}

TEST(TextTemplateTest, NormalisesTheTemplateToNfc) {
  const TextTemplate t("Ho\xCC\x9B\xCC\x80", "t.md", Escape::None);  // "Hờ" decomposed
  EXPECT_EQ(t.render(kainjow::mustache::data()), "H\xE1\xBB\x9D");
}

TEST(TextTemplateTest, SyntaxErrorsCarryLineAndColumn) {
  try {
    TextTemplate("a\nbb\nccc {{#ds}}\n", "mau.md", Escape::Markdown);
    FAIL();
  } catch (const RenderError& e) {
    EXPECT_STREQ(e.what(), "mau.md:3:5: khối {{#ds}} chưa được đóng bằng {{/ds}}");
  }
}

}  // namespace
}  // namespace thidua::pdf
