package io.layerwise.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsciiDocTest {

  @ParameterizedTest
  @ValueSource(strings = {
    "include::/etc/passwd[]",
    "pass:[<script>alert(1)</script>]",
    "+++<b>raw</b>+++",
    "{nbsp} {docdir} {set:x:1}",
    "link:http://evil.example[click]",
    "image::x.png[]",
    "*bold* _italic_ `mono` #mark# ^sup^ ~sub~",
    "<script>alert(1)</script>",
    "${7*7} <#list 1..3 as x>${x}</#list>",
    ":attr: value",
    "// comment",
    "(C) -- ... -> =>",
    "[source,ruby]"
  })
  void untrustedTextKeepsNoMarkupCharacter(String s) {
    String escaped = AsciiDoc.text(s);
    assertThat(escaped.replaceAll("&#\\d+;", ""))
        .doesNotContainPattern("[\\[\\]{}<>*_`#^~+:/$.=|&;]");
    assertThat(decode(escaped)).isEqualTo(s);
  }

  @Test
  void descriptionBlocksKeepTheirShape() {
    String adoc = AsciiDoc.blocks("""
        First paragraph,
        still first: `same` padding.

        * item one
        - item two

            model.add(Dense(10))
        """);
    assertThat(adoc).isEqualTo("""
        First paragraph, still first&#58; ``same`` padding&#46;

        * item one

        * item two

        [listing,subs="specialchars,replacements"]
        ----
        model&#46;add&#40;Dense&#40;10&#41;&#41;
        ----""");
  }

  @Test
  void indentedIncludeInAListingIsEscapedToo() {
    String adoc = AsciiDoc.blocks("    include::secret.txt[]\n");
    assertThat(adoc).doesNotContain("include::").contains("include&#58;&#58;");
  }

  @Test
  void unbalancedBackticksStayLiteral() {
    assertThat(decode(AsciiDoc.inline("a ` b"))).isEqualTo("a ` b");
  }

  /** Decodes the numeric character references the escaper writes. */
  static String decode(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (s.startsWith("&#", i)) {
        int end = s.indexOf(';', i);
        sb.append((char) Integer.parseInt(s.substring(i + 2, end)));
        i = end;
      } else {
        sb.append(s.charAt(i));
      }
    }
    return sb.toString();
  }

  @Test
  void proseTypesetsItsSymbolsWithSubscripts() {
    assertThat(AsciiDoc.prose("so the input channels C_in count; N_in·U + U, not N_in·U + 1"))
        .contains("C~in~").contains("N~in~·U").doesNotContain("&#95;");
    assertThat(AsciiDoc.prose("b_ih and my_in")).doesNotContain("~");
  }
}
