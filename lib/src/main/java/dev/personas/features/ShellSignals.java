package dev.personas.features;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Pattern tests on one shell command line, used by the Bigspin signals {@code tests_run_count},
 * {@code tests_attempted}, {@code diff_reviewed} and by {@code has_pr}/{@code pr_count}.
 *
 * <p>Source: the session-features issue (issue 4), restating the deterministic signals of Bigspin's
 * "coding personas" study ({@code bigspinai/plugins}, {@code preprocessing/enrich.py}). Bigspin
 * matches plain substrings of the lowercased command; here every runner must stand as whole words
 * (not preceded by a letter, digit, {@code _}, {@code -} or {@code .}, not followed by one), so
 * {@code cat jest.config.js} or {@code toxiproxy} are not test runs. Words may be separated by any
 * whitespace. Matching is case-insensitive. Null or blank commands match nothing.
 */
public final class ShellSignals {
  private ShellSignals() {}

  /**
   * Test runners, as listed in issue 4: a shell command that contains one of these (as whole
   * words) invokes tests.
   */
  public static final List<String> TEST_RUNNERS = List.of(
      "pytest", "npm test", "npm run test", "yarn test", "cargo test", "go test", "make test",
      "mvn test", "mvn verify", "gradle test", "./gradlew test", "jest", "vitest", "mocha", "rspec",
      "phpunit", "composer test", "rake test", "rake spec", "tox", "nosetests", "deno test",
      "bun test");

  /** Diff-review commands of issue 4: git diff, git status, git show, git log -p. */
  public static final List<String> DIFF_REVIEW = List.of("git diff", "git status", "git show",
      "git log -p");

  private static final String BEFORE = "(?<![a-z0-9_.\\-])";
  private static final String AFTER = "(?![a-z0-9_.\\-])";
  private static final Pattern TEST_RUN = Pattern.compile(BEFORE + "(?:"
      + String.join("|", TEST_RUNNERS.stream().map(ShellSignals::words).toList()) + ")" + AFTER);
  /** git, then global options (-C dir, -c k=v, --no-pager, --git-dir=..), then the subcommand. */
  private static final String GIT = BEFORE + "git(?:\\s+(?:-C\\s+\\S+|-c\\s+\\S+|--[a-z\\-]+(?:=\\S+)?))*\\s+";
  private static final Pattern DIFF = Pattern.compile(
      GIT + "(?:(?:diff|status|show)" + AFTER + "|log(?:[ \\t]+[^\\s;&|]+)*?[ \\t]+(?:-p|--patch)" + AFTER + ")");
  private static final Pattern PR_CREATE = Pattern.compile(BEFORE + "gh\\s+pr\\s+create" + AFTER);
  private static final Pattern PR_URL = Pattern.compile("https?://[^\\s\"'<>]+/pull/\\d+");

  private static String words(String runner) {
    return Pattern.quote(runner).replace(" ", "\\E\\s+\\Q");
  }

  private static String lower(String command) {
    return command == null ? "" : command.toLowerCase(Locale.ROOT);
  }

  /** Words one of which every runner contains: a cheap filter before the regular expression. */
  private static final List<String> RUNNER_WORDS = TEST_RUNNERS.stream()
      .map(r -> r.replace("./", "").split(" ")[0]).distinct().toList();

  /** Whether {@code command} invokes one of {@link #TEST_RUNNERS}. */
  public static boolean isTestRun(String command) {
    if (command == null) return false;
    String c = lower(command);
    boolean maybe = false;
    for (String w : RUNNER_WORDS) {
      if (c.contains(w)) {
        maybe = true;
        break;
      }
    }
    return maybe && TEST_RUN.matcher(c).find();
  }

  /** Whether {@code command} runs git diff, git status, git show or git log -p/--patch. */
  public static boolean isDiffReview(String command) {
    if (command == null) return false;
    String c = lower(command);
    return c.contains("git") && DIFF.matcher(c).find();
  }

  /** Whether {@code command} runs {@code gh pr create}. */
  public static boolean isPrCreate(String command) {
    if (command == null) return false;
    String c = lower(command);
    return c.contains("create") && PR_CREATE.matcher(c).find();
  }

  /** The first pull-request URL ({@code .../pull/<n>}) in {@code text}, or null. */
  public static String prUrl(String text) {
    if (text == null) return null;
    var m = PR_URL.matcher(text);
    return m.find() ? m.group() : null;
  }
}
