package dev.personas.personas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.personas.types.EngineResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A fitted persona model: the eligible users and their placements, the personas with profiles,
 * stability and share intervals, the k sweep, notes, and everything needed to place new users.
 * Made by {@link Personas#fit}; persisted with {@link #toJson()} / {@link #fromJson(String)}
 * (the JSON holds the options, type and feature lists, the fitted {@link PersonaSpace}, centroids,
 * names, and the training users' vectors, which are also the population for card percentiles).
 *
 * <p>Placement of a user (training or new): the user's vector is transformed by the fitted space;
 * Euclidean distances d1 <= d2 to the two nearest persona centroids give
 * {@code confidence = 1 - d1/d2} (0..1; 0 when d2 = 0). The user is <b>Multi-mode</b> (persona id
 * {@code MM}, name "Multi-mode") when {@code d1/d2 >= multiModeRatio} (default 0.9: the two
 * nearest within 10%) or when the normalised entropy of their session-type shares is
 * {@code >= multiModeEntropy} (default 0.95: close to a uniform mix; only with at least
 * {@link PersonaOptions#MIN_TYPES_FOR_ENTROPY} types); the nearest persona is kept
 * in {@code nearest_persona} and {@code cluster}.
 */
public final class PersonaModel {

  /**
   * One persona.
   *
   * @param id "P1".. (by size, largest first)
   * @param cluster 0-based index
   * @param size users whose nearest centroid it is (Multi-mode users included)
   * @param share size / eligible users
   * @param shareCiLow lower bound of the bootstrap share interval (NaN without bootstrap)
   * @param shareCiHigh upper bound
   * @param stability mean best Jaccard over subsamples (NaN without bootstrap)
   * @param unstable stability below {@link Personas#UNSTABLE_BELOW}
   * @param profileShares mean session-type share of members, per type
   * @param profileMedians median of members' medians, per feature
   * @param profileRates mean of members' label rates, per label
   * @param profileZ mean z-score of members per behaviour column (features, then labels)
   * @param nearestPublished nearest of Bigspin's seven on four medians ("" when not computable)
   * @param publishedDistance scaled distance (see {@link PublishedPersonas})
   * @param centroid centroid in the persona space
   */
  public record PersonaInfo(String id, int cluster, String name, String description, int size,
      double share, double shareCiLow, double shareCiHigh, double stability, boolean unstable,
      double[] profileShares, double[] profileMedians, double[] profileRates, double[] profileZ,
      String nearestPublished, double publishedDistance, double[] centroid) {}

  /** A training user's raw vector. */
  public record UserRow(String userId, int nSessions, double[] shares, double[] medians,
      double[] rates) {}

  /**
   * Where a user sits.
   *
   * @param cluster nearest persona index
   * @param personaId "P#" or "MM"
   * @param personaName persona name or "Multi-mode"
   * @param decisive false for Multi-mode
   * @param multiModeReason "" or "ratio d1/d2 = 0.93" / "type entropy = 0.95"
   * @param confidence 1 - d1/d2
   * @param secondPersona name of the second-nearest persona
   * @param nearestPersona name of the nearest persona
   * @param typeEntropy normalised entropy of the session-type shares (0..1)
   * @param nearestPublished nearest published persona on four medians ("" when none computable)
   * @param publishedDistance its scaled distance (NaN when none)
   */
  public record Placement(String userId, int nSessions, int cluster, String personaId,
      String personaName, boolean decisive, String multiModeReason, double confidence,
      String secondPersona, String nearestPersona, double typeEntropy, double[] shares,
      double[] medians, double[] rates, String nearestPublished, double publishedDistance) {}

  /**
   * Per-persona profiles (k rows). z: mean z-score of members per behaviour column; means: mean of
   * members' raw values per behaviour column (medians, then label rates).
   */
  record Profiles(double[][] shares, double[][] medians, double[][] rates, double[][] z,
      double[][] means) {
    static Profiles of(UserVectors v, PersonaSpace space, int[] labels, int k) {
      int nt = v.typeIds().size(), nf = v.features().size(), nl = v.labels().size();
      double[][] sh = new double[k][nt], med = new double[k][nf], rt = new double[k][nl];
      double[][] z = new double[k][nf + nl];
      double[][] means = new double[k][nf + nl];
      double[][] beh = PersonaSpace.behaviour(v);
      for (int c = 0; c < k; c++) {
        List<Integer> mem = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) if (labels[i] == c) mem.add(i);
        for (int t = 0; t < nt; t++) {
          double s = 0;
          for (int i : mem) s += v.shares()[i][t];
          sh[c][t] = mem.isEmpty() ? Double.NaN : s / mem.size();
        }
        for (int f = 0; f < nf; f++) {
          final int ff = f;
          med[c][f] = Stats.median(mem.stream().mapToDouble(i -> v.medians()[i][ff]).toArray());
        }
        for (int l = 0; l < nl; l++) {
          final int ll = l;
          rt[c][l] = Stats.mean(mem.stream().mapToDouble(i -> v.labelRates()[i][ll]).toArray());
        }
        for (int j = 0; j < nf + nl; j++) {
          final int jj = j;
          z[c][j] = Stats.mean(mem.stream().mapToDouble(i -> space.z(jj, beh[i][jj])).toArray());
          means[c][j] = Stats.mean(mem.stream().mapToDouble(i -> beh[i][jj]).toArray());
        }
      }
      return new Profiles(sh, med, rt, z, means);
    }
  }

  /** The persisted state. */
  record State(PersonaOptions options, List<String> typeIds, List<String> typeNames,
      List<String> features, List<String> labels, PersonaSpace space, List<PersonaInfo> personas,
      List<EngineResult.SweepRow> selection, int chosenK, double bootstrapAri, List<String> notes, List<UserRow> users,
      List<String> problems) {}

  private final State state;
  private final List<Placement> placements;
  private final Map<String, Placement> byUser = new HashMap<>();
  /** Per feature: the training users' medians, sorted, NaN removed (card percentiles). */
  private final double[][] sortedMedians;
  /** Mean share per type over the training users. */
  private final double[] meanShares;

  private PersonaModel(State state) {
    this.state = state;
    List<Placement> p = new ArrayList<>();
    for (UserRow u : state.users()) p.add(place(u));
    this.placements = List.copyOf(p);
    for (Placement q : placements) byUser.put(q.userId(), q);
    int nf = state.features().size();
    sortedMedians = new double[nf][];
    for (int j = 0; j < nf; j++) {
      final int jj = j;
      sortedMedians[j] = state.users().stream().mapToDouble(u -> u.medians()[jj])
          .filter(d -> !Double.isNaN(d)).sorted().toArray();
    }
    meanShares = new double[state.typeIds().size()];
    for (UserRow u : state.users()) {
      for (int t = 0; t < meanShares.length; t++) meanShares[t] += u.shares()[t] / state.users().size();
    }
  }

  /** Sorted finite training medians of feature j. */
  double[] sortedMedians(int j) {
    return sortedMedians[j];
  }

  /** Mean session-type shares over the training users. */
  public double[] meanShares() {
    return meanShares.clone();
  }

  static PersonaModel create(PersonaOptions options, UserVectors v, PersonaSpace space,
      List<PersonaInfo> personas, List<EngineResult.SweepRow> sweep, int chosenK, double ari,
      List<String> notes) {
    List<UserRow> users = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      users.add(new UserRow(v.userIds().get(i), v.nSessions()[i], v.shares()[i], v.medians()[i],
          v.labelRates()[i]));
    }
    return new PersonaModel(new State(options, v.typeIds(), v.typeNames(), v.features(),
        v.labels(), space, List.copyOf(personas), List.copyOf(sweep), chosenK, ari, List.copyOf(notes),
        List.copyOf(users), v.problems()));
  }

  /** The four published medians picked out of a feature-ordered vector (NaN where absent). */
  static double[] publishedMedians(List<String> features, double[] values) {
    double[] out = new double[4];
    for (int j = 0; j < 4; j++) {
      int idx = features.indexOf(PublishedPersonas.MEDIANS.get(j));
      out[j] = idx < 0 ? Double.NaN : values[idx];
    }
    return out;
  }

  private Placement place(UserRow u) {
    double[] beh = new double[u.medians().length + u.rates().length];
    System.arraycopy(u.medians(), 0, beh, 0, u.medians().length);
    System.arraycopy(u.rates(), 0, beh, u.medians().length, u.rates().length);
    double[] x = state.space().transform(u.shares(), beh);
    int best = -1, second = -1;
    double d1 = Double.POSITIVE_INFINITY, d2 = Double.POSITIVE_INFINITY;
    for (PersonaInfo p : state.personas()) {
      double d = Math.sqrt(Stats.sqDist(x, p.centroid()));
      if (d < d1) {
        d2 = d1;
        second = best;
        d1 = d;
        best = p.cluster();
      } else if (d < d2) {
        d2 = d;
        second = p.cluster();
      }
    }
    double ratio = d2 == 0 ? 1.0 : d1 / d2;
    double ent = Stats.normalisedEntropy(u.shares());
    PersonaOptions o = state.options();
    String reason = "";
    if (ratio >= o.multiModeRatio()) reason = String.format(java.util.Locale.ROOT, "ratio d1/d2 = %.2f", ratio);
    else if (u.shares().length >= PersonaOptions.MIN_TYPES_FOR_ENTROPY && ent >= o.multiModeEntropy()) reason = String.format(java.util.Locale.ROOT, "type entropy = %.2f", ent);
    PersonaInfo near = state.personas().get(best);
    String pub = "";
    double pubD = Double.NaN;
    double[] pm = publishedMedians(state.features(), u.medians());
    for (double d : pm) {
      if (!Double.isNaN(d)) {
        PublishedPersonas.Match m = PublishedPersonas.nearest(pm);
        pub = m.name();
        pubD = m.distance();
        break;
      }
    }
    boolean decisive = reason.isEmpty();
    return new Placement(u.userId(), u.nSessions(), best, decisive ? near.id() : "MM",
        decisive ? near.name() : "Multi-mode", decisive, reason, 1 - ratio,
        second < 0 ? "" : state.personas().get(second).name(), near.name(), ent, u.shares(),
        u.medians(), u.rates(), pub, pubD);
  }

  // ----------------------------------------------------------------------------------- views

  /** The options the model was fitted with. */
  public PersonaOptions options() {
    return state.options();
  }

  /** Personas in id order. */
  public List<PersonaInfo> personaList() {
    return state.personas();
  }

  /** Placements of the training users, sorted by user id. */
  public List<Placement> placements() {
    return placements;
  }

  /** The placement of one training user. @throws IllegalArgumentException for an unknown id */
  public Placement placement(String userId) {
    Placement p = byUser.get(userId);
    if (p == null) throw new IllegalArgumentException("unknown user: " + userId);
    return p;
  }

  /** Session type display names, in share-column order. */
  public List<String> typeNames() {
    return state.typeNames();
  }

  /** Session type ids, in share-column order. */
  public List<String> typeIds() {
    return state.typeIds();
  }

  /** Median features of the vectors. */
  public List<String> features() {
    return state.features();
  }

  /** Notes every output should show (user count, k choice, small-sample warning, caveat). */
  public List<String> notes() {
    return state.notes();
  }

  /** Rows skipped while building the vectors, and left-out columns. */
  public List<String> problems() {
    return state.problems();
  }

  /** Mean ARI between the full partition and bootstrap subsample partitions (NaN when none). */
  public double bootstrapAri() {
    return state.bootstrapAri();
  }

  /** Number of personas. */
  public int k() {
    return state.personas().size();
  }

  /** Training users' raw vectors (the population of the card percentiles). */
  List<UserRow> userRows() {
    return state.users();
  }

  private List<String> shareColumns() {
    UserVectors shell = new UserVectors(List.of(), new int[0], state.typeIds(), state.typeNames(),
        new double[0][], state.features(), new double[0][], state.labels(), new double[0][],
        List.of());
    return shell.shareColumns();
  }

  /**
   * Per user: one row per eligible user sorted by {@code user_id}; columns {@code user_id,
   * n_sessions, persona_id, persona_name, confidence, second_persona, decisive,
   * multi_mode_reason, cluster, nearest_persona, type_entropy}, the {@code share_<type>} columns,
   * the median features, {@code nearest_published, published_distance, published_note} (the
   * caveat {@link PublishedPersonas#CAVEAT}).
   */
  public Table users() {
    return table("persona_users", placements);
  }

  private Table table(String name, List<Placement> ps) {
    Table t = Table.create(name);
    StringColumn uid = StringColumn.create("user_id");
    IntColumn n = IntColumn.create("n_sessions");
    StringColumn pid = StringColumn.create("persona_id");
    StringColumn pname = StringColumn.create("persona_name");
    DoubleColumn conf = DoubleColumn.create("confidence");
    StringColumn second = StringColumn.create("second_persona");
    BooleanColumn dec = BooleanColumn.create("decisive");
    StringColumn why = StringColumn.create("multi_mode_reason");
    IntColumn cl = IntColumn.create("cluster");
    StringColumn near = StringColumn.create("nearest_persona");
    DoubleColumn ent = DoubleColumn.create("type_entropy");
    List<String> sc = shareColumns();
    DoubleColumn[] shares = new DoubleColumn[sc.size()];
    for (int j = 0; j < shares.length; j++) shares[j] = DoubleColumn.create(sc.get(j));
    DoubleColumn[] meds = new DoubleColumn[state.features().size()];
    for (int j = 0; j < meds.length; j++) meds[j] = DoubleColumn.create(state.features().get(j));
    StringColumn pub = StringColumn.create("nearest_published");
    DoubleColumn pubD = DoubleColumn.create("published_distance");
    StringColumn note = StringColumn.create("published_note");
    for (Placement p : ps) {
      uid.append(p.userId());
      n.append(p.nSessions());
      pid.append(p.personaId());
      pname.append(p.personaName());
      conf.append(p.confidence());
      second.append(p.secondPersona());
      dec.append(p.decisive());
      why.append(p.multiModeReason());
      cl.append(p.cluster());
      near.append(p.nearestPersona());
      ent.append(p.typeEntropy());
      for (int j = 0; j < shares.length; j++) shares[j].append(p.shares()[j]);
      for (int j = 0; j < meds.length; j++) meds[j].append(p.medians()[j]);
      pub.append(p.nearestPublished());
      pubD.append(p.publishedDistance());
      note.append(PublishedPersonas.CAVEAT);
    }
    t.addColumns(uid, n, pid, pname, conf, second, dec, why, cl, near, ent);
    t.addColumns(shares);
    t.addColumns(meds);
    t.addColumns(pub, pubD, note);
    return t;
  }

  /**
   * Per persona: k rows in id order; columns {@code persona_id, persona_name, size, share,
   * share_ci_low, share_ci_high, decisive_users, stability, unstable, description,
   * nearest_published, published_distance, published_note}, then the profile: mean
   * {@code share_<type>} and median of each feature.
   */
  public Table personas() {
    Table t = Table.create("personas");
    StringColumn id = StringColumn.create("persona_id");
    StringColumn name = StringColumn.create("persona_name");
    IntColumn size = IntColumn.create("size");
    DoubleColumn share = DoubleColumn.create("share");
    DoubleColumn lo = DoubleColumn.create("share_ci_low");
    DoubleColumn hi = DoubleColumn.create("share_ci_high");
    IntColumn decisive = IntColumn.create("decisive_users");
    DoubleColumn stab = DoubleColumn.create("stability");
    BooleanColumn unst = BooleanColumn.create("unstable");
    StringColumn desc = StringColumn.create("description");
    StringColumn pub = StringColumn.create("nearest_published");
    DoubleColumn pubD = DoubleColumn.create("published_distance");
    StringColumn note = StringColumn.create("published_note");
    List<String> sc = shareColumns();
    DoubleColumn[] shares = new DoubleColumn[sc.size()];
    for (int j = 0; j < shares.length; j++) shares[j] = DoubleColumn.create(sc.get(j));
    DoubleColumn[] meds = new DoubleColumn[state.features().size()];
    for (int j = 0; j < meds.length; j++) meds[j] = DoubleColumn.create(state.features().get(j));
    for (PersonaInfo p : state.personas()) {
      id.append(p.id());
      name.append(p.name());
      size.append(p.size());
      share.append(p.share());
      lo.append(p.shareCiLow());
      hi.append(p.shareCiHigh());
      decisive.append((int) placements.stream()
          .filter(u -> u.decisive() && u.cluster() == p.cluster()).count());
      stab.append(p.stability());
      unst.append(p.unstable());
      desc.append(p.description());
      pub.append(p.nearestPublished());
      pubD.append(p.publishedDistance());
      note.append(PublishedPersonas.CAVEAT);
      for (int j = 0; j < shares.length; j++) shares[j].append(p.profileShares()[j]);
      for (int j = 0; j < meds.length; j++) meds[j].append(p.profileMedians()[j]);
    }
    t.addColumns(id, name, size, share, lo, hi, decisive, stab, unst, desc, pub, pubD, note);
    t.addColumns(shares);
    t.addColumns(meds);
    return t;
  }

  /**
   * The k sweep: one row per k, columns {@code k, wcss, silhouette, calinski_harabasz,
   * davies_bouldin, gap, gap_se, chosen}.
   */
  public Table selection() {
    Table t = Table.create("persona_k_sweep");
    IntColumn k = IntColumn.create("k");
    DoubleColumn w = DoubleColumn.create("wcss");
    DoubleColumn s = DoubleColumn.create("silhouette");
    DoubleColumn ch = DoubleColumn.create("calinski_harabasz");
    DoubleColumn db = DoubleColumn.create("davies_bouldin");
    DoubleColumn g = DoubleColumn.create("gap");
    DoubleColumn gs = DoubleColumn.create("gap_se");
    BooleanColumn c = BooleanColumn.create("chosen");
    for (EngineResult.SweepRow r : state.selection()) {
      k.append(r.k());
      w.append(r.wcss());
      s.append(r.silhouette());
      ch.append(r.calinskiHarabasz());
      db.append(r.daviesBouldin());
      g.append(r.gap());
      gs.append(r.gapSe());
      c.append(r.k() == state.chosenK());
    }
    t.addColumns(k, w, s, ch, db, g, gs, c);
    return t;
  }

  /**
   * Our personas next to Bigspin's published seven, for a side-by-side table: k + 7 rows (ours in
   * id order, then the seven in reference order); columns {@code source} ("ours" | "Bigspin
   * 2026"), {@code persona, users, share}, the four medians of {@link PublishedPersonas#MEDIANS}
   * (ours: median of the members' medians; NaN when the feature table lacked the column),
   * {@code stability}, {@code nearest_published, published_distance} (ours only) and
   * {@code published_note} ({@link PublishedPersonas#CAVEAT}).
   */
  public Table publishedComparison() {
    StringColumn src = StringColumn.create("source");
    StringColumn name = StringColumn.create("persona");
    IntColumn users = IntColumn.create("users");
    DoubleColumn share = DoubleColumn.create("share");
    DoubleColumn[] med = new DoubleColumn[4];
    for (int j = 0; j < 4; j++) med[j] = DoubleColumn.create(PublishedPersonas.MEDIANS.get(j));
    DoubleColumn stab = DoubleColumn.create("stability");
    StringColumn near = StringColumn.create("nearest_published");
    DoubleColumn dist = DoubleColumn.create("published_distance");
    StringColumn note = StringColumn.create("published_note");
    for (PersonaInfo p : state.personas()) {
      src.append("ours");
      name.append(p.id() + " " + p.name());
      users.append(p.size());
      share.append(p.share());
      double[] m = publishedMedians(state.features(), p.profileMedians());
      for (int j = 0; j < 4; j++) med[j].append(m[j]);
      stab.append(p.stability());
      near.append(p.nearestPublished());
      dist.append(p.publishedDistance());
      note.append(PublishedPersonas.CAVEAT);
    }
    for (PublishedPersonas.Archetype a : PublishedPersonas.ALL) {
      src.append("Bigspin 2026");
      name.append(a.name());
      users.append(a.users());
      share.append(a.share());
      for (int j = 0; j < 4; j++) med[j].append(a.medians()[j]);
      stab.append(a.stability());
      near.append("");
      dist.appendMissing();
      note.append("");
    }
    Table t = Table.create("personas_vs_published", src, name, users, share);
    t.addColumns(med);
    t.addColumns(stab, near, dist, note);
    return t;
  }

  /**
   * Places new users: builds their vectors from {@code features} and {@code typeAssignments} with
   * the model's types, features, labels and minimum sessions (sessions of types unknown to the
   * model are skipped), and places each. Same columns as {@link #users()}.
   */
  public Table place(Table features, Table typeAssignments) {
    return table("persona_placements", placements(features, typeAssignments));
  }

  /** As {@link #place(Table, Table)}, as records (for {@link PersonaCard}). */
  public List<Placement> placements(Table features, Table typeAssignments) {
    PersonaOptions o = state.options();
    PersonaOptions withLabels = new PersonaOptions(o.minSessions(), o.minPrompts(), state.features(),
        state.labels(), o.shareDistance(), o.k(), o.kMin(), o.kMax(), o.minPersonaSize(), o.restarts(), o.rule(),
        o.bootstrap(), o.bootstrapFraction(), o.ciLevel(), o.multiModeRatio(),
        o.multiModeEntropy(), o.seed());
    UserVectors v = UserVectors.build(features, typeAssignments, withLabels, state.typeIds(),
        state.features());
    List<Placement> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      double[] rates = new double[state.labels().size()];
      for (int l = 0; l < rates.length; l++) {
        int idx = v.labels().indexOf(state.labels().get(l));
        rates[l] = idx < 0 ? Double.NaN : v.labelRates()[i][idx];
      }
      out.add(place(new UserRow(v.userIds().get(i), v.nSessions()[i], v.shares()[i],
          v.medians()[i], rates)));
    }
    return out;
  }

  /** Markdown persona card of a training user (see {@link PersonaCard}). */
  public String card(String userId) {
    return PersonaCard.markdown(this, placement(userId));
  }

  /** HTML persona card of a training user (self-contained). */
  public String cardHtml(String userId) {
    return PersonaCard.html(this, placement(userId));
  }

  // ------------------------------------------------------------------------------ persistence

  private static ObjectMapper mapper() {
    return JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  /** The model as JSON (deterministic for a fitted model: same input and seed, same bytes). */
  public String toJson() {
    try {
      return mapper().writeValueAsString(state) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise persona model", e);
    }
  }

  /** Reads a model written by {@link #toJson()}. @throws IllegalArgumentException on bad JSON */
  public static PersonaModel fromJson(String json) {
    try {
      return new PersonaModel(mapper().readValue(json, State.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a persona model: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes {@link #toJson()} to a file (UTF-8). */
  public void save(Path file) throws IOException {
    Files.writeString(file, toJson(), StandardCharsets.UTF_8);
  }

  /** Reads a model file. */
  public static PersonaModel load(Path file) throws IOException {
    return fromJson(Files.readString(file, StandardCharsets.UTF_8));
  }
}
