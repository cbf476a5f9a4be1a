#include "generators/pdf/markdown_reader.h"

#include <gtest/gtest.h>

namespace thidua::pdf {
namespace {

TEST(MarkdownReaderTest, HeadingsParagraphsAndStyles) {
  const auto blocks = readMarkdown("## I. MỤC ĐÍCH\n\nCó **đậm** và *nghiêng*\nnối dòng.\n", "t.md");
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].kind, BlockKind::Heading);
  EXPECT_EQ(blocks[0].level, 2);
  ASSERT_EQ(blocks[1].runs.size(), 5u);
  EXPECT_EQ(blocks[1].runs[0].text, "Có ");
  EXPECT_TRUE(blocks[1].runs[1].bold);
  EXPECT_TRUE(blocks[1].runs[3].italic);
  EXPECT_EQ(blocks[1].runs[4].text, " nối dòng.");
}

TEST(MarkdownReaderTest, NestedListsGetMarkers) {
  const auto blocks = readMarkdown("- một\n  - hai\n- ba\n\n3. ba\n4. bốn\n", "t.md");
  ASSERT_EQ(blocks.size(), 5u);
  EXPECT_EQ(blocks[0].marker, "-");
  EXPECT_EQ(blocks[1].marker, "+");
  EXPECT_EQ(blocks[1].level, 2);
  EXPECT_EQ(blocks[2].marker, "-");
  EXPECT_EQ(blocks[3].marker, "3.");
  EXPECT_EQ(blocks[4].marker, "4.");
}

TEST(MarkdownReaderTest, TablesKeepHeaderRowsAndAlignment) {
  const auto blocks = readMarkdown("| STT | Tên |\n|:---:|---:|\n| 1 | An |\n| 2 | Bình |\n\n---\n\nSau.\n", "t.md");
  ASSERT_EQ(blocks.size(), 3u);
  const Table& t = blocks[0].table;
  EXPECT_EQ(t.headerRows, 1u);
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0][0].runs.at(0).text, "STT");
  EXPECT_TRUE(t.rows[0][0].runs.at(0).bold);
  EXPECT_EQ(t.rows[2][1].runs.at(0).text, "Bình");
  EXPECT_EQ(t.rows[1][0].align, 1);
  EXPECT_EQ(t.rows[1][1].align, 2);
  EXPECT_EQ(blocks[1].kind, BlockKind::PageBreak);
}

TEST(MarkdownReaderTest, EntitiesAndEscapesBecomeText) {
  const auto blocks = readMarkdown("A &amp; B \\*không nghiêng\\* &#7899;\n", "t.md");
  ASSERT_EQ(blocks.size(), 1u);
  std::string all;
  for (const auto& r : blocks[0].runs) all += r.text;
  EXPECT_EQ(all, "A & B *không nghiêng* ớ");
}

}  // namespace
}  // namespace thidua::pdf
