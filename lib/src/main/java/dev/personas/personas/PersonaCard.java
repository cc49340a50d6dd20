package dev.personas.personas;

import dev.personas.personas.PersonaModel.PersonaInfo;
import dev.personas.personas.PersonaModel.Placement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A persona card for one user, in Markdown or self-contained HTML (inline CSS, no scripts, no
 * external resources). Sections, in order:
 * <ol>
 *   <li>Persona and confidence (or "Multi-mode" with its reason), second persona, sessions;
 *   <li>What over-indexes: the persona's description, and the user's session types with the
 *       largest share above the population mean;
 *   <li>Against the population: the user's median of each feature, the population median, and
 *       the user's percentile (mid-rank, 0..100) among the model's eligible users;
 *   <li>Session types used, with shares;
 *   <li>Nearest published persona with distance and the caveat
 *       ({@link PublishedPersonas#CAVEAT}), and {@link #FAR_TEXT} beyond {@link #FAR};
 *   <li>Three suggestions from {@link PersonaWords#SUGGESTIONS}, chosen by the user's blind spots
 *       (see there).
 * </ol>
 * Numbers are printed with fixed precision; no dates or times.
 */
public final class PersonaCard {
  private PersonaCard() {}

  /** One suggestion on a card, with why it was chosen. */
  record Pick(PersonaWords.Suggestion suggestion, String why) {}

  /**
   * Above this distance (three published spreads, see {@link PublishedPersonas}) the card adds
   * {@link #FAR_TEXT}.
   */
  public static final double FAR = 3.0;

  /** Shown next to a nearest published persona farther than {@link #FAR}. */
  public static final String FAR_TEXT =
      "This is far from all seven published profiles: read it as \"none of them\".";

  /** A line of the percentile section. */
  record Standing(String feature, double value, double populationMedian, double percentile) {}

  static List<Standing> standings(PersonaModel m, Placement p) {
    List<Standing> out = new ArrayList<>();
    for (int j = 0; j < m.features().size(); j++) {
      double[] sorted = m.sortedMedians(j);
      out.add(new Standing(m.features().get(j), p.medians()[j], Stats.median(sorted),
          Stats.percentileRankSorted(p.medians()[j], sorted)));
    }
    return out;
  }

  /**
   * The three suggestions for a placement. Ranking of {@link PersonaWords#SUGGESTIONS}: first the
   * entries on whose keyed side of the population median the user sits (percentile <= 50 for
   * low-keyed entries, >= 50 for high-keyed ones), farthest first; then entries on whose keyed side
   * the user's persona sits (mean z of its members below 0 for low, above 0 for high); then the
   * rest by percentile. One entry per feature; table order breaks ties. Fewer than three only when
   * fewer features are known.
   */
  static List<Pick> suggestions(PersonaModel m, Placement p) {
    List<Standing> st = standings(m, p);
    PersonaModel.PersonaInfo persona = m.personaList().get(p.cluster());
    record Cand(PersonaWords.Suggestion s, int tier, double side, int order, String why) {}
    List<Cand> c = new ArrayList<>();
    for (int i = 0; i < PersonaWords.SUGGESTIONS.size(); i++) {
      PersonaWords.Suggestion s = PersonaWords.SUGGESTIONS.get(i);
      int j = m.features().indexOf(s.feature());
      if (j < 0) continue;
      Standing x = st.get(j);
      if (Double.isNaN(x.percentile())) continue;
      double side = s.whenLow() ? x.percentile() : 100 - x.percentile();
      double z = persona.profileZ() == null ? Double.NaN : persona.profileZ()[j];
      boolean personaSide = !Double.isNaN(z) && (s.whenLow() ? z < 0 : z > 0);
      int tier = side <= 50 ? 0 : personaSide ? 1 : 2;
      String why = String.format(Locale.ROOT, "%s %s: you are at percentile %.0f",
          s.whenLow() ? "low" : "high", s.feature(), x.percentile());
      if (tier == 1) why += "; your persona is " + (s.whenLow() ? "low" : "high") + " on it";
      c.add(new Cand(s, tier, side, i, why));
    }
    c.sort(Comparator.comparingInt(Cand::tier).thenComparingDouble(Cand::side)
        .thenComparingInt(Cand::order));
    List<Pick> out = new ArrayList<>();
    java.util.Set<String> used = new java.util.HashSet<>();
    for (Cand x : c) {
      if (out.size() == 3) break;
      if (used.add(x.s().feature())) out.add(new Pick(x.s(), x.why()));
    }
    return out;
  }

  /** Types the user uses, by share descending (ties by type order), shares > 0 only. */
  static List<Integer> typesUsed(Placement p) {
    List<Integer> idx = new ArrayList<>();
    for (int t = 0; t < p.shares().length; t++) if (p.shares()[t] > 0) idx.add(t);
    idx.sort(Comparator.<Integer>comparingDouble(t -> -p.shares()[t]));
    return idx;
  }

  static double[] popShares(PersonaModel m) {
    return m.meanShares();
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
  }

  private static String num(double v) {
    return Naming.fmt(v);
  }

  /** Markdown card. */
  public static String markdown(PersonaModel m, Placement p) {
    StringBuilder b = new StringBuilder();
    b.append("# Persona card: ").append(p.userId()).append("\n\n");
    b.append("**").append(p.personaName()).append("**");
    if (p.decisive()) b.append(" (").append(p.personaId()).append(")");
    b.append(String.format(Locale.ROOT, " · confidence %.2f", p.confidence()));
    b.append(" · ").append(p.nSessions()).append(" sessions\n\n");
    if (!p.decisive()) {
      b.append("Multi-mode (").append(p.multiModeReason()).append("): nearest persona ")
          .append(p.nearestPersona()).append(", then ").append(p.secondPersona()).append(".\n\n");
    } else {
      b.append("Second persona: ").append(p.secondPersona()).append(".\n\n");
    }
    b.append("## What over-indexes\n\n");
    PersonaInfo near = m.personaList().get(p.cluster());
    b.append("- Persona ").append(near.id()).append(": ").append(near.description()).append('\n');
    double[] pop = popShares(m);
    for (int t : Naming.topTypes(p.shares(), pop)) {
      if (p.shares()[t] - pop[t] < Naming.LIFT_MIN) break;
      b.append("- '").append(m.typeNames().get(t)).append("' sessions: ").append(pct(p.shares()[t]))
          .append(" of yours vs ").append(pct(pop[t])).append(" on average\n");
    }
    b.append("\n## Against the population (").append(m.userRows().size()).append(" users)\n\n");
    b.append("| feature | you (median) | population median | percentile |\n|---|---|---|---|\n");
    for (Standing s : standings(m, p)) {
      b.append("| ").append(s.feature()).append(" | ").append(num(s.value())).append(" | ")
          .append(num(s.populationMedian())).append(" | ")
          .append(Double.isNaN(s.percentile()) ? "n/a" : String.format(Locale.ROOT, "%.0f", s.percentile()))
          .append(" |\n");
    }
    b.append("\n## Session types you use\n\n| session type | share |\n|---|---|\n");
    for (int t : typesUsed(p)) {
      b.append("| ").append(m.typeNames().get(t)).append(" | ").append(pct(p.shares()[t])).append(" |\n");
    }
    b.append("\n## Nearest published persona\n\n");
    if (p.nearestPublished().isEmpty()) {
      b.append("Not computable: none of the four medians is available.\n");
    } else {
      b.append(p.nearestPublished()).append(String.format(Locale.ROOT, " (distance %.2f)", p.publishedDistance()))
          .append(": ").append(PublishedPersonas.CAVEAT).append(" (Bigspin, 2026).");
      if (p.publishedDistance() > FAR) b.append(" ").append(FAR_TEXT);
      b.append('\n');
    }
    b.append("\n## Three things to try\n\n");
    int i = 1;
    for (Pick s : suggestions(m, p)) {
      b.append(i++).append(". ").append(s.suggestion().text()).append(" (").append(s.why())
          .append(")\n");
    }
    b.append("\n---\n");
    for (String note : m.notes()) b.append("_").append(note).append("_\n");
    return b.toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Self-contained HTML card (UTF-8, inline CSS, no scripts or links). */
  public static String html(PersonaModel m, Placement p) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Persona card: ")
        .append(esc(p.userId())).append("</title>\n<style>\n")
        .append("body{font-family:sans-serif;max-width:46em;margin:2em auto;color:#222}\n")
        .append("h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}\n")
        .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}\n")
        .append(".persona{font-size:1.2em;font-weight:bold}.note{color:#666;font-size:.9em}\n")
        .append(".bar{display:inline-block;height:.8em;background:#4a7ab5}\n</style></head><body>\n");
    b.append("<h1>Persona card: ").append(esc(p.userId())).append("</h1>\n");
    b.append("<p><span class=\"persona\">").append(esc(p.personaName())).append("</span>")
        .append(p.decisive() ? " (" + esc(p.personaId()) + ")" : "")
        .append(String.format(Locale.ROOT, " · confidence %.2f · %d sessions</p>\n", p.confidence(), p.nSessions()));
    if (!p.decisive()) {
      b.append("<p>Multi-mode (").append(esc(p.multiModeReason())).append("): nearest persona ")
          .append(esc(p.nearestPersona())).append(", then ").append(esc(p.secondPersona())).append(".</p>\n");
    } else {
      b.append("<p>Second persona: ").append(esc(p.secondPersona())).append(".</p>\n");
    }
    b.append("<h2>What over-indexes</h2>\n<ul>\n");
    PersonaInfo near = m.personaList().get(p.cluster());
    b.append("<li>Persona ").append(esc(near.id())).append(": ").append(esc(near.description())).append("</li>\n");
    double[] pop = popShares(m);
    for (int t : Naming.topTypes(p.shares(), pop)) {
      if (p.shares()[t] - pop[t] < Naming.LIFT_MIN) break;
      b.append("<li>'").append(esc(m.typeNames().get(t))).append("' sessions: ").append(pct(p.shares()[t]))
          .append(" of yours vs ").append(pct(pop[t])).append(" on average</li>\n");
    }
    b.append("</ul>\n<h2>Against the population (").append(m.userRows().size()).append(" users)</h2>\n");
    b.append("<table><tr><th>feature</th><th>you (median)</th><th>population median</th><th>percentile</th></tr>\n");
    for (Standing s : standings(m, p)) {
      b.append("<tr><td>").append(esc(s.feature())).append("</td><td>").append(num(s.value()))
          .append("</td><td>").append(num(s.populationMedian())).append("</td><td>");
      if (!Double.isNaN(s.percentile())) {
        b.append(String.format(Locale.ROOT, "<span class=\"bar\" style=\"width:%.1fpx\"></span> %.0f",
            s.percentile(), s.percentile()));
      } else {
        b.append("n/a");
      }
      b.append("</td></tr>\n");
    }
    b.append("</table>\n<h2>Session types you use</h2>\n<table><tr><th>session type</th><th>share</th></tr>\n");
    for (int t : typesUsed(p)) {
      b.append("<tr><td>").append(esc(m.typeNames().get(t))).append("</td><td>").append(pct(p.shares()[t]))
          .append("</td></tr>\n");
    }
    b.append("</table>\n<h2>Nearest published persona</h2>\n<p>");
    if (p.nearestPublished().isEmpty()) {
      b.append("Not computable: none of the four medians is available.");
    } else {
      b.append(esc(p.nearestPublished())).append(String.format(Locale.ROOT, " (distance %.2f)", p.publishedDistance()))
          .append(": <em>").append(esc(PublishedPersonas.CAVEAT)).append("</em> (Bigspin, 2026).");
      if (p.publishedDistance() > FAR) b.append(" ").append(esc(FAR_TEXT));
    }
    b.append("</p>\n<h2>Three things to try</h2>\n<ol>\n");
    for (Pick s : suggestions(m, p)) {
      b.append("<li>").append(esc(s.suggestion().text())).append(" <span class=\"note\">(")
          .append(esc(s.why())).append(")</span></li>\n");
    }
    b.append("</ol>\n");
    for (String note : m.notes()) b.append("<p class=\"note\">").append(esc(note)).append("</p>\n");
    b.append("</body></html>\n");
    return b.toString();
  }
}
