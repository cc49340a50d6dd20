package dev.personas.synth;

import java.util.SplittableRandom;

/**
 * Small hand-written vocabulary of fictional projects, files, commands and sentences from which
 * synthetic prompts, answers and tool outputs are assembled. Nothing here comes from real sessions.
 */
final class Vocab {
  private Vocab() {}

  /** A project language: files, test, build and run commands. */
  record Lang(String id, String[] files, String[] tests, String[] builds, String[] runs, String[] code) {}

  static final Lang[] LANGS = {
    new Lang("ts",
        new String[] {"src/api/routes.ts", "src/lib/cache.ts", "src/components/OrderTable.tsx",
            "src/utils/dates.ts", "src/server.ts", "src/db/schema.ts", "src/lib/queue.ts",
            "tests/routes.test.ts", "tests/cache.test.ts", "package.json", "README.md"},
        new String[] {"npm test", "npx vitest run", "npm run test -- --run"},
        new String[] {"npm run build", "npx tsc --noEmit", "npm run lint", "pnpm install"},
        new String[] {"npm run dev -- --port 4000", "node dist/server.js"},
        new String[] {"  const %s = await %s(%s);", "export function %s(%s) {", "  if (!%s) return %s;",
            "  return %s.map((x) => x.%s);", "import { %s } from './%s';"}),
    new Lang("py",
        new String[] {"app/main.py", "app/models.py", "app/services/billing.py", "app/api/routes.py",
            "app/utils.py", "app/workers/sync.py", "tests/test_billing.py", "tests/test_routes.py",
            "pyproject.toml", "README.md"},
        new String[] {"pytest -q", "pytest tests/test_billing.py -x", "python -m pytest -k sync"},
        new String[] {"uv sync", "pip install -e .", "python -m build", "uv run ruff check ."},
        new String[] {"python -m app.main", "uv run app/main.py --dry-run"},
        new String[] {"    %s = %s(%s)", "def %s(%s):", "    if not %s:\n        return %s",
            "    return [x.%s for x in %s]", "from app.%s import %s"}),
    new Lang("go",
        new String[] {"cmd/server/main.go", "internal/store/store.go", "internal/api/handler.go",
            "internal/auth/token.go", "internal/queue/worker.go", "internal/store/store_test.go",
            "internal/api/handler_test.go", "go.mod", "Makefile", "README.md"},
        new String[] {"go test ./...", "go test ./internal/store -run TestStore", "make test"},
        new String[] {"go build ./...", "go vet ./...", "make build", "go mod tidy"},
        new String[] {"go run ./cmd/server", "make run"},
        new String[] {"\t%s, err := %s(%s)", "func %s(%s) error {", "\tif %s == nil {\n\t\treturn %s\n\t}",
            "\treturn %s.%s", "import \"%s/%s\""}),
    new Lang("rs",
        new String[] {"src/main.rs", "src/lib.rs", "src/parser.rs", "src/config.rs", "src/cache.rs",
            "tests/parser.rs", "Cargo.toml", "README.md"},
        new String[] {"cargo test", "cargo test parser", "cargo test --all-features"},
        new String[] {"cargo build", "cargo clippy", "cargo fmt --check", "cargo build --release"},
        new String[] {"cargo run -- --config dev.toml", "cargo run --example demo"},
        new String[] {"    let %s = %s(%s)?;", "pub fn %s(%s) -> Result<()> {", "    if %s.is_empty() { return %s; }",
            "    %s.iter().map(|x| x.%s)", "use crate::%s::%s;"}),
    new Lang("java",
        new String[] {"src/main/java/com/acme/App.java", "src/main/java/com/acme/OrderService.java",
            "src/main/java/com/acme/InvoiceRepository.java", "src/main/java/com/acme/RateLimiter.java",
            "src/main/java/com/acme/Config.java", "src/test/java/com/acme/OrderServiceTest.java",
            "pom.xml", "README.md"},
        new String[] {"mvn test", "./gradlew test", "mvn verify"},
        new String[] {"mvn -q package -DskipTests", "./gradlew build -x check", "mvn -q compile"},
        new String[] {"java -jar target/app.jar", "mvn -q exec:java"},
        new String[] {"    var %s = %s(%s);", "  public void %s(%s) {", "    if (%s == null) return %s;",
            "    return %s.stream().map(x -> x.%s).toList();", "import com.acme.%s.%s;"}),
  };

  static final String[] OWNERS = {"acme-labs", "northwind-dev", "bluefin-io", "quartz-tools",
      "lumen-works", "tidepool-hq", "copperleaf", "orbit-kit", "sprucehouse", "fernway"};
  static final String[] PROJECTS = {"ledger-api", "orders-service", "field-notes", "tinyqueue",
      "shipyard", "kiosk-ui", "metrics-relay", "paper-trail", "greenhouse", "route-planner",
      "inventory-sync", "badge-printer", "docs-site", "auth-gateway", "tile-server"};
  static final String[] DEVS = {"river", "sam", "alex", "noor", "kim", "jo", "lee", "ari", "mika",
      "tess", "remy", "ola", "pat", "dana", "yuki", "ravi"};

  static final String[] THINGS = {"invoice export", "login redirect", "rate limiter",
      "search index", "CSV importer", "webhook retry", "session cache", "date picker",
      "order totals", "config loader", "pagination", "upload handler", "audit log",
      "email digest", "feature flags", "billing cron", "tag filter", "dark mode toggle"};
  static final String[] CONDS = {"the list is empty", "the user has no email",
      "two requests arrive at once", "the timezone is not UTC", "the file starts with a BOM",
      "the token has expired", "the page size is zero", "the cache is cold",
      "a field contains a comma", "the retry count is reached"};
  static final String[] FUNCS = {"parseConfig", "loadOrders", "computeTotals", "refreshToken",
      "buildIndex", "formatDate", "retryWebhook", "flushQueue", "resolveUser", "applyDiscount",
      "renderTable", "validateInput", "mergeTags", "exportCsv"};
  static final String[] VARS = {"orders", "cfg", "token", "rows", "items", "user", "result",
      "page", "cursor", "entry", "limit", "opts"};

  static final String[] FIX_PROMPTS = {
    "The %s breaks when %s. Can you find out why and fix it?",
    "%s is wrong when %s. Please fix it and keep the change small.",
    "Users report that the %s fails when %s. Fix it in %s if that's where it lives.",
    "Small bug: %s misbehaves when %s. Patch it and run the tests.",
  };
  static final String[] CORRECTIONS = {"still failing", "no, keep the old signature",
      "that broke the build", "revert that last change", "tests are still red",
      "use the existing helper instead", "not that file", "wrong approach, try again",
      "close, but handle the empty case too", "same error as before"};
  static final String[] WORKSHOP_PROMPTS = {
    "Let's build the %s properly. Start with the data model in %s, then wire it through the API and add tests as you go.",
    "Now add tests for %s, including the case where %s.",
    "Next, hook the %s into %s and update the docs.",
    "Refactor %s so the parsing lives in one place, then rerun the suite.",
    "Good. Now handle the case where %s in the %s.",
    "Can you clean up %s? The function %s has grown too long.",
    "Run the full test suite and fix whatever fails.",
    "Add logging around %s so we can see what happens when %s.",
  };
  static final String[] EXPLORE_PROMPTS = {
    "I'm new to this codebase. Walk me through how the %s works end to end: which files are involved, where the data is stored and what calls %s.",
    "Where is %s defined and who calls it? I want to understand the flow before changing anything, so please don't edit files.",
    "How does %s interact with the %s? Trace the path from the API entry point down to storage and list anything that looks fragile.",
    "Map out the modules under %s and explain the responsibilities of each one. Read-only for now.",
    "What happens when %s? Find the code paths that handle it and summarise them.",
  };
  static final String[] ASK_PROMPTS = {
    "What does %s in %s do, and is it safe to call it from two threads?",
    "Quick question: why does the %s use %s instead of a plain loop?",
    "Explain what happens in %s when %s.",
    "Is there a reason %s is not cached? Look at %s and tell me.",
  };
  static final String[] SPEC_PROMPTS = {
    "I want to add %s to this project. Plan it first: read the relevant code, write a plan with a todo list, then split the work into independent tasks for sub-agents. Requirements: it must work when %s, keep the public API of %s unchanged, come with tests, and be documented in the README. Open a PR when everything passes.",
    "We need a migration for the %s. Please investigate %s and the call sites of %s, propose a step-by-step plan, and once I approve it delegate the pieces to sub-agents in parallel. Each piece needs tests. Keep commits small and finish with a pull request.",
  };
  static final String[] GO_AHEADS = {"looks good, go ahead", "approved, proceed", "yes, do it",
      "ship it and open the PR", "go ahead with the plan", "ok, continue"};
  static final String[] THRASH_PROMPTS = {"stop", "no not that", "just make the test pass",
      "why did you touch that file?", "undo", "try again but smaller", "that's wrong",
      "wait, use %s", "no, the bug is in %s", "fix the %s now", "again, same error"};
  static final String[] OPS_PROMPTS = {
    "Build it and deploy to staging, then check the health endpoint.",
    "Bump the version, commit and push.",
    "CI fails on main. Check why and get it green.",
    "Run the app locally and curl the %s endpoint to see if it responds.",
    "Release the %s fix: build, tag, push and open a PR.",
    "Rebase on main, resolve whatever conflicts, and push.",
  };

  static final String[] STARTS = {"I'll start by looking at %s.", "Let me check %s first.",
      "Now I'll look at how %s is used.", "Let me search for %s.", "Next, I'll run the tests.",
      "I'll update %s.", "Let me read %s to see the current behaviour."};
  static final String[] SENTENCES = {
    "The %s reads its settings from %s before the first request.",
    "I changed %s so that it returns early when %s.",
    "The root cause was an off-by-one in %s when %s.",
    "All tests pass now, including the new case for %s.",
    "The %s is only called from %s, so the change is local.",
    "There are two code paths: one for %s and one for %s.",
    "I kept the public signature of %s unchanged.",
    "The data lives in %s and is cached for five minutes.",
    "If %s, the function falls back to the default value.",
    "I also added a small test covering %s.",
    "The remaining risk is in %s, which has no tests yet.",
    "This matches how %s already handles %s.",
  };
  static final String[] THOUGHTS = {
    "The user wants %s. I should look at %s first and keep the change minimal.",
    "The failure probably comes from %s when %s. Let me verify before editing.",
    "I need to check who calls %s before changing its behaviour.",
  };

  static String pick(SplittableRandom r, String[] a) {
    return a[r.nextInt(a.length)];
  }

  /** Fills %s placeholders with random things, conditions, functions and the given file. */
  static String fill(SplittableRandom r, String template, String file) {
    StringBuilder b = new StringBuilder(template.length() + 64);
    int n = 0;
    int i = 0;
    while (true) {
      int j = template.indexOf("%s", i);
      if (j < 0) break;
      b.append(template, i, j);
      String v = switch ((n + r.nextInt(4)) % 4) {
        case 0 -> pick(r, THINGS);
        case 1 -> pick(r, CONDS);
        case 2 -> pick(r, FUNCS);
        default -> file;
      };
      b.append(v);
      n++;
      i = j + 2;
    }
    b.append(template, i, template.length());
    return b.toString();
  }

  /** Sentences appended until at least {@code words} words. */
  static String prose(SplittableRandom r, int words, String file) {
    StringBuilder b = new StringBuilder(words * 7);
    int w = 0;
    while (w < words) {
      String s = fill(r, pick(r, SENTENCES), file);
      if (b.length() > 0) b.append(r.nextInt(5) == 0 ? "\n\n" : " ");
      b.append(s);
      w += countWords(s);
    }
    return b.toString();
  }

  static int countWords(String s) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ws = c == ' ' || c == '\n' || c == '\t' || c == '\r' || (c > 127 && Character.isWhitespace(c));
      if (!ws && !in) n++;
      in = !ws;
    }
    return n;
  }

  /** A few lines of fake code in the language's style. */
  static String code(SplittableRandom r, Lang lang, int lines) {
    StringBuilder b = new StringBuilder(lines * 40);
    for (int i = 0; i < lines; i++) {
      String t = pick(r, lang.code());
      if (i > 0) b.append('\n');
      int k = 0;
      while (true) {
        int j = t.indexOf("%s", k);
        if (j < 0) break;
        b.append(t, k, j).append(r.nextBoolean() ? pick(r, VARS) : pick(r, FUNCS));
        k = j + 2;
      }
      b.append(t, k, t.length());
    }
    return b.toString();
  }
}
