/**
 * Session types (issue 6): cluster sessions by way of working, choose k honestly, measure
 * stability, name types in words, persist the model.
 *
 * <p>Two layers:
 *
 * <ul>
 *   <li>A generic engine over a numeric matrix, reusable for per-user vectors (personas):
 *       {@link dev.personas.types.FeatureTransform} (impute, log1p, winsorise, scale, optional PCA;
 *       fitted and persisted), {@link dev.personas.types.ClusterEngine#run} with {@link
 *       dev.personas.types.EngineOptions} (k-means, Gaussian mixtures, Ward; sweep over k with
 *       silhouette, Calinski-Harabasz, Davies-Bouldin, BIC and gap; bootstrap Jaccard and ARI),
 *       returning {@link dev.personas.types.EngineResult}; {@link dev.personas.types.Matrices}
 *       (tables to matrices, cluster profiles), {@link dev.personas.types.TypeNamer} (names from
 *       profiles and feature words), {@link dev.personas.schema.Csv} (deterministic CSV).
 *   <li>The session-type layer: {@link dev.personas.types.SessionTypes#fit}(feature table, {@link
 *       dev.personas.types.TypeOptions}) returns a {@link dev.personas.types.SessionTypeModel}
 *       with {@code assignments()}, {@code profiles()}, {@code selection()}, {@code shapes()},
 *       {@code configuration()}, {@code assign(Table)}, {@code toJson()}/{@code fromJson(String)}
 *       and {@code write(Path)}.
 * </ul>
 *
 * <p>Everything is deterministic for a seed and independent of the thread count: each random task
 * derives its own seed ({@link dev.personas.types.Seeds}) and results are combined in task order.
 */
package dev.personas.types;
