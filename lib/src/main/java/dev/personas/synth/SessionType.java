package dev.personas.synth;

/**
 * The planted session types: each is a generative recipe implemented in {@link SessionBuilder}.
 * The recipes are made to differ on the deterministic signals of the session-features issue
 * (Bigspin's signals computed on SWE-chat, plus SWE-chat tool-category shares and interruptions),
 * so that clustering the feature table can recover them. Ranges below are the recipe's draws
 * (before course corrections and interruptions add prompts).
 *
 * <ul>
 *   <li>{@link #ASK}: single-prompt ask. 1 prompt (15%: 2), 1-6 research calls (Read, Grep, Glob,
 *       sometimes WebSearch) per prompt, no edits, no tests, a long text answer (250-700 words).
 *   <li>{@link #QUICK_FIX}: quick fix loop. 1-6 prompts; each segment reads 1-3 times, edits one
 *       file 1-3 times, runs the test suite (45% of sessions); follow-up prompts are short course
 *       corrections ("still failing") right after an edit; edit focus near 1.
 *   <li>{@link #WORKSHOP}: long edit-and-test workshop. 10-70 prompts (median ~20), 6-14 calls per
 *       prompt over 4-10 files (edit focus ~0.2-0.4), tests in most segments, diff review at the end
 *       (80%), TodoWrite now and then, long pauses in the second half.
 *   <li>{@link #EXPLORE}: read-only exploration. 3-9 prompts, 8-20 research calls per prompt (Read,
 *       Grep, Glob, ls/find, git log), no edits, long prompts and long answers.
 *   <li>{@link #DELEGATE}: plan-then-delegate. 2-6 prompts: a long spec first, then short go-aheads
 *       (prompt-length ratio well under 1); plan mode (EnterPlanMode/ExitPlanMode), TodoWrite,
 *       2-5 sub-agent Task calls, git status and often {@code gh pr create}.
 *   <li>{@link #THRASH}: interrupted thrash. 5-20 short prompts, 1-5 calls per prompt, an
 *       interruption in about half of the segments, failing shell commands, edits spread over 2-4
 *       files, many course corrections.
 *   <li>{@link #OPS}: operate: build, run, ship. 1-6 prompts, 5-12 calls per prompt dominated by
 *       build commands, curl, git add/commit/push and {@code gh}; few edits (config files); git
 *       status/diff before committing (60%).
 * </ul>
 */
public enum SessionType {
  ASK("single-prompt ask"),
  QUICK_FIX("quick fix loop"),
  WORKSHOP("long edit-and-test workshop"),
  EXPLORE("read-only exploration"),
  DELEGATE("plan-then-delegate"),
  THRASH("interrupted thrash"),
  OPS("operate: build, run, ship");

  /** Human-readable name. */
  public final String label;

  SessionType(String label) {
    this.label = label;
  }

  /** Lowercase id used in truth files ({@code quick_fix}). */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
