package dev.personas.cli;

import dev.personas.features.FeatureOptions;
import dev.personas.features.Features;
import dev.personas.load.Ingest;
import dev.personas.load.IngestOptions;
import dev.personas.load.IngestResult;
import dev.personas.personas.PersonaCard;
import dev.personas.personas.PersonaModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code me [PATH...]}: "which persona am I?" from the user's own transcripts. Everything stays on
 * this machine: the transcripts are read, never sent anywhere.
 */
@Command(name = "me", mixinStandardHelpOptions = true,
    description = {"Which persona am I? Reads your agent transcripts (default: ~/.claude/projects and "
        + "~/.codex/sessions), places your sessions into the session types and you into the personas "
        + "of a reference model, and prints your persona card. Nothing is sent anywhere."})
final class MeCommand implements Callable<Integer> {
  /** The user id all of one's own sessions are filed under. */
  static final String ME = "me";

  @Parameters(arity = "0..*", paramLabel = "PATH",
      description = "transcript files or folders, agent homes, Entire checkpoint folders")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--model", paramLabel = "DIR",
      description = "reference models (DIR/types/model.json, DIR/personas/model.json); default data/models")
  Path model;

  @Option(names = "--html", paramLabel = "FILE", description = "also write the card as one self-contained HTML page")
  Path html;

  @Option(names = "--home", paramLabel = "DIR", hidden = true, description = "home folder to look in (tests)")
  Path home = Path.of(System.getProperty("user.home"));

  /**
   * The HTML card with one figure embedded as a data URI (no external resources): the user's
   * session-type mix next to the reference population's.
   */
  static String withFigure(String cardHtml, PersonaModel m, PersonaModel.Placement p) {
    double[] you = p.shares(), pop = m.meanShares();
    double[] youPct = new double[you.length], popPct = new double[pop.length];
    for (int i = 0; i < you.length; i++) {
      youPct[i] = 100 * you[i];
      popPct[i] = 100 * pop[i];
    }
    java.util.Map<String, double[]> series = new java.util.LinkedHashMap<>();
    series.put("you", youPct);
    series.put("reference population", popPct);
    var chart = dev.personas.figures.Charts.groupedBars("Your session types", "session type",
        "share of sessions (%)", m.typeNames(), series, "0");
    String png = java.util.Base64.getEncoder().encodeToString(dev.personas.figures.FigureStore.png(chart));
    String fig = "<h2>Your session-type mix</h2>\n<img alt=\"session-type mix: you and the reference population\" "
        + "style=\"max-width:100%\" src=\"data:image/png;base64," + png + "\">\n";
    int end = cardHtml.lastIndexOf("</body>");
    return end < 0 ? cardHtml + fig : cardHtml.substring(0, end) + fig + cardHtml.substring(end);
  }

  @Override
  public Integer call() throws Exception {
    List<Path> sources = new ArrayList<>(paths);
    List<Path> looked = new ArrayList<>();
    if (sources.isEmpty()) {
      for (Path p : List.of(home.resolve(".claude/projects"), home.resolve(".codex/sessions"))) {
        looked.add(p);
        if (Files.isDirectory(p)) sources.add(p);
      }
    } else {
      for (Path p : sources) {
        if (!Files.exists(p)) throw new IllegalArgumentException("PATH " + p + " does not exist");
      }
      looked.addAll(sources);
    }
    if (sources.isEmpty()) {
      System.err.println("me: no agent transcripts found. Looked in:");
      for (Path p : looked) System.err.println("  " + p);
      System.err.println("Expected Claude Code sessions (~/.claude/projects/<project>/<session>.jsonl) or "
          + "Codex sessions (~/.codex/sessions/YYYY/MM/DD/rollout-*.jsonl); or pass PATH...");
      return 1;
    }
    Models models = Models.load(model != null ? model : Models.defaultDir());
    IngestResult r;
    try (Progress progress = new Progress(System.err)) {
      r = Ingest.load(sources, IngestOptions.defaults().withRawUserIds(true), progress);
    }
    Table features = Features.of(r.dataset(), FeatureOptions.defaults());
    if (features.rowCount() == 0) {
      System.err.println("me: the transcripts under " + sources + " hold no readable session");
      return 1;
    }
    StringColumn user = features.stringColumn("user_id");
    for (int i = 0; i < user.size(); i++) user.set(i, ME);
    Table assignments = models.types().assign(features);
    List<PersonaModel.Placement> placed = models.personas().placements(features, assignments);
    if (placed.isEmpty()) {
      System.err.printf("me: found %d session(s); a persona needs at least %d (the model's minimum)%n",
          features.rowCount(), models.personas().options().minSessions());
      return 1;
    }
    PersonaModel.Placement p = placed.get(0);
    System.out.print(PersonaCard.markdown(models.personas(), p));
    if (html != null) {
      Path parent = html.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Files.writeString(html, withFigure(PersonaCard.html(models.personas(), p), models.personas(), p));
      System.out.println();
      System.out.println("card written to " + html);
    }
    return 0;
  }
}
