package dev.sluice.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowTableTest {

  @Test
  void widthsComeFromNamesAndTypesSoRowsCanStream() {
    RowTable table = new RowTable(List.of("USERID", "PAGE", "AMOUNT", "OK"),
        List.of("STRING", "STRING", "DECIMAL(4, 2)", "BOOLEAN"), 0);
    String text = table.header() + table.row(List.of("u1", "/home", "0.12", "true"))
        + table.row(List.of("u2", "/a/very/long/path/that/wraps", "10.00", "null")) + table.footer();
    assertThat(text).isEqualTo(String.join("\n",
        "+----------------+----------------+--------------+-----+",
        "|USERID          |PAGE            |AMOUNT        |OK   |",
        "+----------------+----------------+--------------+-----+",
        "|u1              |/home           |0.12          |true |",
        "|u2              |/a/very/long/pat|10.00         |null |",
        "|                |h/that/wraps    |              |     |",
        "+----------------+----------------+--------------+-----+",
        ""));
  }

  @Test
  void fixedColumnWidth() {
    RowTable table = new RowTable(List.of("A_LONG_NAME", "B"), List.of("INTEGER", "INTEGER"), 4);
    assertThat(table.header() + table.row(List.of("1", "2"))).isEqualTo(String.join("\n",
        "+----+----+",
        "|A_LO|B   |",
        "|NG_N|    |",
        "|AME |    |",
        "+----+----+",
        "|1   |2   |",
        ""));
  }

  @Test
  void rowValuesKeepTheServersNumberText() throws Exception {
    assertThat(RowValues.parse("[\"u1\",0.10,12345678901234567890.123456,null,true,[1,2],{\"A\":\"x\"}]"))
        .containsExactly("u1", "0.10", "12345678901234567890.123456", "null", "true", "[1,2]", "{\"A\":\"x\"}");
  }

  @Test
  void typeFormatterPrintsTextTypesUnchanged() throws Exception {
    assertThat(TypeFormatter.format(new com.fasterxml.jackson.databind.ObjectMapper().readTree("\"DECIMAL(26, 6)\"")))
        .isEqualTo("DECIMAL(26, 6)");
  }
}
