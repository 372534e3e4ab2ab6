// The tracker readers: CSV in the encodings and shapes spreadsheets save, and XLSX as Excel
// and other programs write it.
#include <zip.h>

#include <fstream>

#include <gtest/gtest.h>

#include "read/csv.h"
#include "read/table.h"
#include "read/xlsx.h"

namespace iact {
namespace {

const std::string kData = IACT_TEST_DATA "/import/";

Workbook csv_of(std::string_view bytes) {
  auto read = read_csv(bytes, "t.csv");
  if (auto* e = std::get_if<ReadError>(&read)) ADD_FAILURE() << e->message;
  return std::get<Workbook>(read);
}

std::vector<std::string> texts(const Row& row) {
  std::vector<std::string> out;
  for (const Cell& c : row.cells) out.push_back(c.text);
  return out;
}

TEST(Csv, CommasQuotesAndLineBreaksInsideCells) {
  Workbook b = csv_of("Ref,Action\n1,\"Agree, then \"\"sign\"\" off\nthe plan\"\n2,Next\n");
  ASSERT_EQ(b.sheets.size(), 1u);
  const Sheet& s = b.sheets[0];
  ASSERT_EQ(s.rows.size(), 3u);
  EXPECT_EQ(texts(s.rows[1]),
            (std::vector<std::string>{"1", "Agree, then \"sign\" off\nthe plan"}));
  // Rows are numbered as a spreadsheet shows them: a cell's line break does not add one.
  EXPECT_EQ(s.rows[2].number, 3);
  EXPECT_TRUE(b.notes.empty());
}

TEST(Csv, TheDelimiterIsDetected) {
  for (const char* text : {"a;b;c\n1;2;3\n4;5;6\n", "a\tb\tc\n1\t2\t3\n", "a|b|c\n1|2|3\n"}) {
    Workbook b = csv_of(text);
    EXPECT_EQ(texts(b.sheets[0].rows[1]), (std::vector<std::string>{"1", "2", "3"})) << text;
  }
  // Commas inside the text of a semicolon file stay in their cells.
  Workbook b = csv_of("Ref;Action;Lead\n1;Agree, sign and publish;ICB\n2;Audit, then report;SFT\n");
  EXPECT_EQ(texts(b.sheets[0].rows[1])[1], "Agree, sign and publish");
  EXPECT_EQ(b.notes.back(), "fields separated by semicolons");
}

TEST(Csv, CrlfBlankLinesAndRowNumbers) {
  Workbook b = csv_of("Title\r\n\r\nRef,Action\r\n1,A\r\n\r\n2,B\r\n");
  const Sheet& s = b.sheets[0];
  std::vector<int> numbers;
  for (const Row& r : s.rows) {
    if (!r.cells.empty()) numbers.push_back(r.number);
  }
  EXPECT_EQ(numbers, (std::vector<int>{1, 3, 4, 6}));
  EXPECT_EQ(texts(s.rows.back()), (std::vector<std::string>{"2", "B"}));
}

TEST(Csv, EncodingsAreConverted) {
  // UTF-8 with a byte-order mark.
  EXPECT_EQ(texts(csv_of("\xEF\xBB\xBFRef,Cost\n1,\xC2\xA3"
                         "5k\n")
                      .sheets[0]
                      .rows[1])[1],
            "\xC2\xA3"
            "5k");
  // Windows-1252: a pound sign (0xA3) and a curly apostrophe (0x92).
  Workbook w = csv_of(
      "Ref,Note\n1,\xA3"
      "5k for the ICB\x92s bid\n");
  EXPECT_EQ(texts(w.sheets[0].rows[1])[1],
            "\xC2\xA3"
            "5k for the ICB\xE2\x80\x99s bid");
  EXPECT_NE(w.notes.front().find("Windows-1252"), std::string::npos);
  // UTF-16 little-endian with its mark (Excel's "Unicode text"), tab-separated.
  const std::string utf16(
      "\xFF\xFE"
      "a\0\t\0b\0\n\0"
      "1\0\t\0\xA3\0\n\0",
      18);
  Workbook u = csv_of(utf16);
  EXPECT_EQ(texts(u.sheets[0].rows[1]), (std::vector<std::string>{"1", "\xC2\xA3"}));
}

TEST(Csv, WhatCannotBeReadIsSaid) {
  auto bad = [](std::string_view bytes) {
    auto read = read_csv(bytes, "t.csv");
    return std::holds_alternative<ReadError>(read) ? std::get<ReadError>(read).message
                                                   : std::string("read");
  };
  EXPECT_NE(bad("Ref,Action\n1,\"never closed\n2,x\n").find("starts on row 2 is never closed"),
            std::string::npos);
  EXPECT_NE(bad("a,b\n1,\x81\n").find("neither UTF-8 nor Windows-1252 text (byte 0x81 on line 2)"),
            std::string::npos);
  EXPECT_NE(bad(std::string("a,b\n1,\0\n", 8)).find("NUL"), std::string::npos);
}

Workbook xlsx_file(const std::string& name) {
  auto read = read_table_file(kData + name, name);
  if (auto* e = std::get_if<ReadError>(&read)) ADD_FAILURE() << e->message;
  return std::get<Workbook>(read);
}

const Row* row_numbered(const Sheet& s, int number) {
  for (const Row& r : s.rows) {
    if (r.number == number) return &r;
  }
  return nullptr;
}

TEST(Xlsx, ExcelsOwnWorkbook) {
  Workbook b = xlsx_file("trust-tracker.xlsx");
  ASSERT_EQ(b.sheets.size(), 3u);
  EXPECT_EQ(b.sheets[0].name, "Action plan");
  EXPECT_EQ(b.saved, (Date{2025, 1, 1}));  // docProps/core.xml's dcterms:modified
  EXPECT_FALSE(b.sheets[0].hidden);
  EXPECT_TRUE(b.sheets[2].hidden);
  const Sheet& s = b.sheets[0];
  const Row* first = row_numbered(s, 6);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->cells[0].text, "1.");
  // A date cell reads as its day; a date typed as text stays text.
  EXPECT_EQ(first->cells[5].kind, Cell::Kind::kDate);
  EXPECT_EQ(first->cells[5].date, (Date{2024, 10, 30}));
  EXPECT_EQ(first->cells[5].text, "2024-10-30");
  EXPECT_EQ(row_numbered(s, 7)->cells[5].text, "30.11.24");
  // A merged heading fills the row, marked as copied.
  const Row* heading = row_numbered(s, 5);
  ASSERT_NE(heading, nullptr);
  ASSERT_EQ(heading->cells.size(), 12u);
  EXPECT_EQ(heading->cells[0].text, "GOVERNANCE");
  EXPECT_FALSE(heading->cells[0].merged_copy);
  EXPECT_EQ(heading->cells[11].text, "GOVERNANCE");
  EXPECT_TRUE(heading->cells[11].merged_copy);
}

TEST(Xlsx, InlineStringsRichText1904DatesAndPrefixes) {
  Workbook b = xlsx_file("handmade.xlsx");
  ASSERT_EQ(b.sheets.size(), 1u);
  const Sheet& s = b.sheets[0];
  EXPECT_EQ(texts(s.rows[0]), (std::vector<std::string>{"Ref", "Action", "Target date", "Theme",
                                                        "Status", "Funded"}));
  const Row* r3 = row_numbered(s, 3);
  ASSERT_NE(r3, nullptr);
  EXPECT_EQ(r3->cells[0].text, "1");  // a number, without float noise
  EXPECT_EQ(r3->cells[1].text, "Review medication for everyone in scope\ntwice a year");
  EXPECT_EQ(r3->cells[2].date, (Date{2025, 4, 2}));  // 1904 system
  EXPECT_EQ(r3->cells[3].text, "Medication review");
  EXPECT_EQ(r3->cells[4].text, "On track");  // a formula's cached result
  const Row* r4 = row_numbered(s, 4);
  EXPECT_EQ(r4->cells[0].text, "2.5");
  EXPECT_EQ(r4->cells[2].date, (Date{2025, 5, 1}));  // a time of day is dropped
  EXPECT_EQ(r4->cells[5].kind, Cell::Kind::kBoolean);
  EXPECT_EQ(r4->cells[5].text, "TRUE");
  EXPECT_EQ(b.notes.front(), "dates in the 1904 date system");
}

TEST(Xlsx, SerialDatesInBothSystems) {
  EXPECT_EQ(excel_serial_date(1, false), (Date{1900, 1, 1}));
  EXPECT_EQ(excel_serial_date(59, false), (Date{1900, 2, 28}));
  EXPECT_EQ(excel_serial_date(61, false), (Date{1900, 3, 1}));
  EXPECT_EQ(excel_serial_date(45747, false), (Date{2025, 3, 31}));
  EXPECT_EQ(excel_serial_date(45747.99, false), (Date{2025, 3, 31}));
  EXPECT_EQ(excel_serial_date(0, true), (Date{1904, 1, 1}));
  EXPECT_EQ(excel_serial_date(44285, true), (Date{2025, 3, 31}));
  EXPECT_FALSE(excel_serial_date(0, false));
  EXPECT_FALSE(excel_serial_date(-1, true));
  EXPECT_FALSE(excel_serial_date(1e9, false));
}

TEST(Xlsx, DateFormatsAreRecognised) {
  EXPECT_TRUE(is_date_format(14, ""));
  EXPECT_TRUE(is_date_format(22, ""));
  EXPECT_FALSE(is_date_format(0, ""));
  EXPECT_FALSE(is_date_format(20, ""));  // h:mm
  for (const char* code : {"dd/mm/yyyy", "d\\ mmmm\\ yyyy", "mmm-yy", "[$-809]dd mmmm yyyy",
                           "yyyy-mm-dd;@", "dd.mm.yy"}) {
    EXPECT_TRUE(is_date_format(164, code)) << code;
  }
  for (const char* code : {"General", "0.00", "#,##0", "[$\xC2\xA3-809]#,##0.00", "\"Day\" 0", "@",
                           "mm:ss", "[h]:mm", "0%"}) {
    EXPECT_FALSE(is_date_format(164, code)) << code;
  }
  // A month typed as "Jun-25" is kept as its first day behind a format with no day.
  EXPECT_EQ(date_format_shows(17, ""), DateShown::kMonth);
  EXPECT_EQ(date_format_shows(14, ""), DateShown::kDay);
  for (const char* code : {"mmm-yy", "mmmm yyyy", "[$-809]mmm yy", "mm/yyyy;@"}) {
    EXPECT_EQ(date_format_shows(164, code), DateShown::kMonth) << code;
  }
  for (const char* code : {"dd/mm/yyyy", "d-mmm-yy", "yyyy-mm-dd", "dddd d mmmm"}) {
    EXPECT_EQ(date_format_shows(164, code), DateShown::kDay) << code;
  }
}

// A zip archive in memory, of the given parts.
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& parts) {
  char path[] = "/tmp/iact-read-test-XXXXXX";
  const int fd = mkstemp(path);
  close(fd);
  int err = 0;
  zip_t* z = zip_open(path, ZIP_TRUNCATE, &err);
  for (const auto& [name, body] : parts) {
    zip_source_t* src = zip_source_buffer(z, body.data(), body.size(), 0);
    zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE);
  }
  zip_close(z);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(path);
  return bytes;
}

std::string xlsx_error(const std::string& bytes) {
  auto read = read_xlsx(bytes, "t.xlsx");
  return std::holds_alternative<ReadError>(read) ? std::get<ReadError>(read).message : "read";
}

TEST(Xlsx, FilesThatAreNotWorkbooksAreNamed) {
  EXPECT_NE(xlsx_error("PK\x03\x04 not really").find("not an XLSX workbook"), std::string::npos);
  EXPECT_NE(xlsx_error(zip_of({{"word/document.xml", "<w/>"}})).find("no xl/workbook.xml"),
            std::string::npos);
  EXPECT_NE(xlsx_error(zip_of({{"xl/workbook.xml", "<workbook><sheets>"}})).find("not well-formed"),
            std::string::npos);
  EXPECT_NE(
      xlsx_error(zip_of({{"xl/workbook.xml", "<workbook><sheets/></workbook>"}})).find("no sheets"),
      std::string::npos);
  const std::string broken_sheet = zip_of(
      {{"xl/workbook.xml",
        "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>"},
       {"xl/_rels/workbook.xml.rels",
        "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/s.xml\"/></Relationships>"},
       {"xl/worksheets/s.xml", "<worksheet><sheetData><row>"}});
  EXPECT_NE(xlsx_error(broken_sheet).find("sheet 'S' is not well-formed"), std::string::npos);
}

// A workbook of one sheet 'S' whose part is `sheet`, with the shared strings `shared`.
std::string one_sheet_book(const std::string& sheet, const std::string& shared = "") {
  std::vector<std::pair<std::string, std::string>> parts = {
      {"xl/workbook.xml",
       "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/s.xml\"/></Relationships>"},
      {"xl/worksheets/s.xml", "<worksheet><sheetData>" + sheet + "</sheetData></worksheet>"}};
  if (!shared.empty()) parts.emplace_back("xl/sharedStrings.xml", "<sst>" + shared + "</sst>");
  return zip_of(parts);
}

TEST(Xlsx, DamagedRowNumbersAndSharedStringIndexesAreRefused) {
  const std::string sst = "<si><t>first</t></si>";
  // A row number past a signed integer (and past Excel's last row) is damage, not a row.
  EXPECT_NE(xlsx_error(one_sheet_book("<row r=\"99999999999\"><c t=\"inlineStr\"><is><t>x</t>"
                                      "</is></c></row>"))
                .find("row number '99999999999'"),
            std::string::npos);
  EXPECT_NE(xlsx_error(one_sheet_book("<row r=\"1048577\"><c t=\"inlineStr\"><is><t>x</t>"
                                      "</is></c></row>"))
                .find("row number '1048577'"),
            std::string::npos);
  EXPECT_NE(xlsx_error(one_sheet_book("<row r=\"-3\"/>")).find("row number '-3'"),
            std::string::npos);
  // A shared-string index that is not a number, or names no string, is not string 0.
  EXPECT_NE(xlsx_error(one_sheet_book("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>abc</v></c></row>", sst))
                .find("shared string 'abc'"),
            std::string::npos);
  EXPECT_NE(xlsx_error(one_sheet_book("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>", sst))
                .find("shared string '7'"),
            std::string::npos);
  // The good forms still read.
  auto read = read_xlsx(one_sheet_book("<row r=\"1048576\"><c r=\"B1048576\" t=\"s\"><v>0</v>"
                                       "</c></row>",
                                       sst),
                        "t.xlsx");
  ASSERT_TRUE(std::holds_alternative<Workbook>(read)) << std::get<ReadError>(read).message;
  const Workbook& book = std::get<Workbook>(read);
  ASSERT_EQ(book.sheets.size(), 1u);
  ASSERT_EQ(book.sheets[0].rows.size(), 1u);
  EXPECT_EQ(book.sheets[0].rows[0].number, 1048576);
  EXPECT_EQ(texts(book.sheets[0].rows[0]), (std::vector<std::string>{"", "first"}));
}

TEST(Table, OldExcelFilesAndFakeWorkbooksAreRefused) {
  char path[] = "/tmp/iact-read-test-XXXXXX.xls";
  const int fd = mkstemps(path, 4);
  const std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ASSERT_EQ(write(fd, ole.data(), ole.size()), static_cast<ssize_t>(ole.size()));
  close(fd);
  auto read = read_table_file(path, "old.xls");
  ASSERT_TRUE(std::holds_alternative<ReadError>(read));
  EXPECT_NE(std::get<ReadError>(read).message.find("Excel 97-2003"), std::string::npos);
  std::remove(path);
}

TEST(Table, ColumnNamesAndNumbers) {
  EXPECT_EQ(column_name(0), "A");
  EXPECT_EQ(column_name(25), "Z");
  EXPECT_EQ(column_name(26), "AA");
  EXPECT_EQ(column_name(701), "ZZ");
  EXPECT_EQ(column_name(702), "AAA");
  EXPECT_EQ(format_number(12), "12");
  EXPECT_EQ(format_number(0.1 + 0.2), "0.3");  // as a spreadsheet shows it
  EXPECT_EQ(format_number(1.1), "1.1");
  EXPECT_EQ(format_number(45000), "45000");
}

}  // namespace
}  // namespace iact
