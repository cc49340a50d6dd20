package dev.personas.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellSignalsTest {
  @Test
  void everyListedRunnerIsATestRun() {
    for (String r : ShellSignals.TEST_RUNNERS) {
      assertThat(ShellSignals.isTestRun(r)).as(r).isTrue();
      assertThat(ShellSignals.isTestRun("cd x && " + r.toUpperCase() + " --flag")).as(r).isTrue();
    }
  }

  @Test
  void testRunnersNeedWholeWords() {
    assertThat(ShellSignals.isTestRun("npx vitest run src")).isTrue();
    assertThat(ShellSignals.isTestRun("node_modules/.bin/jest --ci")).isTrue();
    assertThat(ShellSignals.isTestRun("go test ./...")).isTrue();
    assertThat(ShellSignals.isTestRun("cat jest.config.js")).isFalse();
    assertThat(ShellSignals.isTestRun("docker run toxiproxy")).isFalse();
    assertThat(ShellSignals.isTestRun("pip install pytest-cov")).isFalse();
    assertThat(ShellSignals.isTestRun("npm install")).isFalse();
    assertThat(ShellSignals.isTestRun("cargo build")).isFalse();
    assertThat(ShellSignals.isTestRun("go vet ./... # not go testing")).isFalse();
    assertThat(ShellSignals.isTestRun(null)).isFalse();
  }

  @Test
  void diffReview() {
    assertThat(ShellSignals.isDiffReview("git diff --stat")).isTrue();
    assertThat(ShellSignals.isDiffReview("git status")).isTrue();
    assertThat(ShellSignals.isDiffReview("git show HEAD~1")).isTrue();
    assertThat(ShellSignals.isDiffReview("git log -p -2 file")).isTrue();
    assertThat(ShellSignals.isDiffReview("git log --patch")).isTrue();
    assertThat(ShellSignals.isDiffReview("git --no-pager diff")).isTrue();
    assertThat(ShellSignals.isDiffReview("git -C /repo status --short")).isTrue();
    assertThat(ShellSignals.isDiffReview("cd a && git diff")).isTrue();
    assertThat(ShellSignals.isDiffReview("git log --oneline -5")).isFalse();
    assertThat(ShellSignals.isDiffReview("git log --oneline; ls -p")).isFalse();
    assertThat(ShellSignals.isDiffReview("git diff-tree HEAD")).isFalse();
    assertThat(ShellSignals.isDiffReview("git commit -m 'show status'")).isFalse();
    assertThat(ShellSignals.isDiffReview("git push")).isFalse();
  }

  @Test
  void prCreateAndUrl() {
    assertThat(ShellSignals.isPrCreate("gh pr create --fill")).isTrue();
    assertThat(ShellSignals.isPrCreate("git push && gh  pr  create -t x")).isTrue();
    assertThat(ShellSignals.isPrCreate("gh pr view 1")).isFalse();
    assertThat(ShellSignals.prUrl("see https://github.com/a/b/pull/12\n")).isEqualTo(
        "https://github.com/a/b/pull/12");
    assertThat(ShellSignals.prUrl("https://github.com/a/b/issues/12")).isNull();
  }
}
