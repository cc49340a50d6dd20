/**
 * What the notebooks show, computed and tested here so that notebook cells stay one or two lines:
 * overviews of a loaded dataset ({@link dev.personas.reports.Explore}), a 2-D embedding of sessions
 * ({@link dev.personas.reports.Embedding}), and the published measures of SWE-chat
 * ({@link dev.personas.reports.SweChat}) and Anthropic's Claude Code study
 * ({@link dev.personas.reports.AnthropicMeasures}) recomputed on any dataset. Downstream of every
 * other stage.
 */
package dev.personas.reports;
