package dev.personas.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PushbackLexiconTest {
  @Test
  void catchesCorrectionsRejectionsAndFailureReports() {
    assertThat(PushbackLexicon.firstMatch("please revert that change")).isEqualTo("undo");
    assertThat(PushbackLexicon.firstMatch("This is WRONG")).isEqualTo("wrong");
    assertThat(PushbackLexicon.firstMatch("the build is broken")).isEqualTo("broken");
    assertThat(PushbackLexicon.firstMatch("it doesn\u2019t work")).isEqualTo("not_working");
    assertThat(PushbackLexicon.firstMatch("still failing on CI")).isEqualTo("still");
    assertThat(PushbackLexicon.firstMatch("I said use tabs")).isEqualTo("i_said");
    assertThat(PushbackLexicon.firstMatch("you missed the second file")).isEqualTo("you_missed");
    assertThat(PushbackLexicon.firstMatch("never mind, leave it")).isEqualTo("never_mind");
    assertThat(PushbackLexicon.firstMatch("No, keep the old name")).isEqualTo("stop");
    assertThat(PushbackLexicon.firstMatch("why did you delete it?")).isEqualTo("why_did");
    assertThat(PushbackLexicon.firstMatch("TypeError: x is undefined")).isEqualTo("error_paste");
  }

  @Test
  void leavesOrdinaryRequestsAlone() {
    assertThat(PushbackLexicon.matches("add a dark mode toggle to the settings page")).isFalse();
    assertThat(PushbackLexicon.matches("great, now write the docs")).isFalse();
    assertThat(PushbackLexicon.matches("notice the knowledge base")).isFalse();
    assertThat(PushbackLexicon.matches(null)).isFalse();
    assertThat(PushbackLexicon.matches("  ")).isFalse();
  }
}
