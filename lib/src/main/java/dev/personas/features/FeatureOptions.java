package dev.personas.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Options of {@link Features#of}. Immutable; the {@code with...} methods return copies.
 *
 * @param labelFiles imported label files (CSV with a header, or JSON lines), each keyed by
 *     {@code session_id} or {@code turn_id}; their columns are joined onto the feature table in
 *     this order (see {@link LabelImport})
 * @param includeSidechain when false (the default) sub-agent (sidechain) records inside a session
 *     are left out of every feature, as Bigspin does; a session made only of sidechain records is
 *     still computed from them and gets {@code is_subagent = 1}
 */
public record FeatureOptions(List<Path> labelFiles, boolean includeSidechain) {
  public FeatureOptions {
    if (labelFiles == null) throw new IllegalArgumentException("labelFiles is null");
    for (Path p : labelFiles) {
      if (p == null) throw new IllegalArgumentException("labelFiles contains null: " + labelFiles);
    }
    labelFiles = List.copyOf(labelFiles);
  }

  /** No labels, sidechain records excluded. */
  public static FeatureOptions defaults() {
    return new FeatureOptions(List.of(), false);
  }

  /** Defaults plus one label file ({@code .csv} or {@code .jsonl}/{@code .json}). */
  public static FeatureOptions labels(Path csvOrJsonl) {
    return defaults().withLabels(csvOrJsonl);
  }

  /** A copy with one more label file. */
  public FeatureOptions withLabels(Path csvOrJsonl) {
    Objects.requireNonNull(csvOrJsonl, "csvOrJsonl");
    List<Path> l = new ArrayList<>(labelFiles);
    l.add(csvOrJsonl);
    return new FeatureOptions(l, includeSidechain);
  }

  /** A copy with {@code includeSidechain} set. */
  public FeatureOptions withIncludeSidechain(boolean include) {
    return new FeatureOptions(labelFiles, include);
  }
}
