package dev.personas.types;

import dev.personas.features.FeatureSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Options of {@link SessionTypes#fit}.
 *
 * @param features feature columns to cluster on; empty means {@link Vocabulary#defaultFeatures()}
 *     restricted to the columns the table has (the ones missing are listed in the configuration)
 * @param dictionary words and kinds per feature overriding {@link
 *     dev.personas.features.FeatureDictionary}; features in neither fall back to {@link
 *     Vocabulary#builtIn()}
 * @param transform feature transform options
 * @param engine clustering, model selection and stability options (seed included)
 * @param idColumn row id column of the feature table ({@code session_id})
 * @param nameThreshold smallest |z| for a feature to enter a type's name
 */
public record TypeOptions(List<String> features, Map<String, FeatureSpec> dictionary,
    TransformOptions transform, EngineOptions engine, String idColumn, double nameThreshold) {

  public TypeOptions {
    features = features == null ? List.of() : List.copyOf(features);
    dictionary = dictionary == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(dictionary));
    if (transform == null) throw new IllegalArgumentException("transform = null");
    if (engine == null) throw new IllegalArgumentException("engine = null");
    if (idColumn == null || idColumn.isBlank()) throw new IllegalArgumentException("idColumn = '" + idColumn + "'");
    if (!(nameThreshold >= 0)) throw new IllegalArgumentException("nameThreshold = " + nameThreshold);
    if (features.stream().distinct().count() != features.size()) {
      throw new IllegalArgumentException("features = " + features + " has duplicates");
    }
  }

  /** Default feature set, built-in words, default transform and engine, id session_id, |z| 0.5. */
  public static TypeOptions defaults() {
    return new TypeOptions(List.of(), Map.of(), TransformOptions.defaults(), EngineOptions.defaults(),
        "session_id", 0.5);
  }

  public TypeOptions withFeatures(List<String> f) {
    return new TypeOptions(f, dictionary, transform, engine, idColumn, nameThreshold);
  }

  public TypeOptions withDictionary(Map<String, FeatureSpec> d) {
    return new TypeOptions(features, d, transform, engine, idColumn, nameThreshold);
  }

  public TypeOptions withTransform(TransformOptions t) {
    return new TypeOptions(features, dictionary, t, engine, idColumn, nameThreshold);
  }

  public TypeOptions withEngine(EngineOptions e) {
    return new TypeOptions(features, dictionary, transform, e, idColumn, nameThreshold);
  }

  public TypeOptions withIdColumn(String c) {
    return new TypeOptions(features, dictionary, transform, engine, c, nameThreshold);
  }

  /** The spec for a feature: {@link Vocabulary#spec(String, Map)} with this dictionary. */
  public FeatureSpec spec(String feature) {
    return Vocabulary.spec(feature, dictionary);
  }
}
