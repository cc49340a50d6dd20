/**
 * Personas: developers as mixtures of session types, clustered, named, and held against Bigspin's
 * published seven (issue 7). Downstream of {@code features} and {@code types}; upstream of
 * {@code figures} and {@code cli}.
 *
 * <ul>
 *   <li>{@link dev.personas.personas.Personas#fit} -> {@link dev.personas.personas.PersonaModel}:
 *       per-user table ({@code users()}), per-persona table ({@code personas()}), k sweep
 *       ({@code selection()}), placement of new users ({@code place}), persona cards
 *       ({@code card}, {@code cardHtml}, {@link dev.personas.personas.PersonaCard}), JSON
 *       persistence ({@code toJson}, {@code fromJson}), notes every output should carry.
 *   <li>{@link dev.personas.personas.UserVectors}: eligible users and their vectors (session-type
 *       shares, feature medians, label rates); {@link dev.personas.personas.PersonaSpace}: the
 *       scaled space they are clustered in (Euclidean or Hellinger shares).
 *   <li>{@link dev.personas.personas.Landscape}: structure x iteration map (Bigspin's 2x2).
 *   <li>{@link dev.personas.personas.BigspinFingerprints}: exact reproduction of Bigspin's
 *       fingerprint classifier from the 35 interpretive signals; {@link
 *       dev.personas.personas.PublishedPersonas}: the published seven and the nearest-persona
 *       distance on four deterministic medians (a similarity, not an identity).
 *   <li>{@link dev.personas.personas.PersonasReport}: all outputs to a folder, and the
 *       {@code personas FEATURES TYPES --out DIR} command (picocli).
 * </ul>
 */
package dev.personas.personas;
