package dev.personas.features;

/**
 * One entry of the feature dictionary: what a column of the feature table means.
 *
 * @param name column name in the feature table (units in the name: _s, _share, _count, ...)
 * @param unit unit in words (prompts, seconds, share 0..1, calls per prompt, 0/1, category)
 * @param kind count | duration | share | ratio | binary | category | id | time
 * @param definition one or two sentences, precise enough to recompute the value
 * @param source where the definition comes from (paper, table, repository file)
 * @param highWords how a reader would describe sessions high on this feature ("many prompts")
 * @param lowWords how a reader would describe sessions low on it ("few prompts"); may be empty
 */
public record FeatureSpec(String name, String unit, String kind, String definition, String source,
    String highWords, String lowWords) {}
