/**
 * Streaming parsers for the non-Claude agent transcript formats, each a
 * {@link dev.personas.load.TranscriptFormat} registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/dev.personas.load.TranscriptFormat} (list: {@link
 * dev.personas.load.formats.Formats#all()}).
 *
 * <table>
 *   <caption>Formats (id as in the corpus's sessions.csv; agent as in SWE-chat)</caption>
 *   <tr><th>id</th><th>agent</th><th>shape</th><th>class</th></tr>
 *   <tr><td>codex-rollout-jsonl</td><td>Codex</td><td>JSONL {timestamp,type,payload}</td>
 *       <td>{@link dev.personas.load.formats.CodexRolloutFormat}</td></tr>
 *   <tr><td>opencode-export-json</td><td>OpenCode</td><td>one document {info,messages}</td>
 *       <td>{@link dev.personas.load.formats.OpenCodeExportFormat}</td></tr>
 *   <tr><td>opencode-jsonl</td><td>OpenCode</td><td>JSONL {info,parts}</td>
 *       <td>{@link dev.personas.load.formats.OpenCodeJsonlFormat}</td></tr>
 *   <tr><td>gemini-json</td><td>Gemini CLI</td><td>one document {sessionId,...,messages}</td>
 *       <td>{@link dev.personas.load.formats.GeminiJsonFormat}</td></tr>
 *   <tr><td>gemini-jsonl</td><td>Gemini CLI</td><td>JSONL header, messages, $set patches</td>
 *       <td>{@link dev.personas.load.formats.GeminiJsonlFormat}</td></tr>
 *   <tr><td>copilot-events-jsonl</td><td>Copilot CLI</td><td>JSONL {type,data,timestamp}</td>
 *       <td>{@link dev.personas.load.formats.CopilotEventsFormat}</td></tr>
 *   <tr><td>cursor-jsonl</td><td>Cursor</td><td>JSONL {role,message}, no timestamps</td>
 *       <td>{@link dev.personas.load.formats.CursorJsonlFormat}</td></tr>
 *   <tr><td>kiro-json</td><td>Kiro</td><td>one document {conversation_id,history}</td>
 *       <td>{@link dev.personas.load.formats.KiroJsonFormat}</td></tr>
 *   <tr><td>droid-jsonl</td><td>Factory AI Droid</td><td>JSONL session_start + message</td>
 *       <td>{@link dev.personas.load.formats.DroidJsonlFormat}</td></tr>
 *   <tr><td>pi-jsonl</td><td>Pi</td><td>JSONL session, model_change, message</td>
 *       <td>{@link dev.personas.load.formats.PiJsonlFormat}</td></tr>
 * </table>
 *
 * <p>Conventions shared by all of them (field notes: {@code shared/reference/formats.md}, checked
 * against the development corpus):
 * <ul>
 *   <li>Detection looks only at the first JSON record of the head (top-level keys, one level
 *       down), tolerating a head cut anywhere; no two formats claim the same corpus file and none
 *       claims a Claude Code or Entire compact transcript.</li>
 *   <li>JSONL is split into lines as bytes and each line parsed on its own with Jackson, so a bad
 *       line (malformed, cut, invalid UTF-8) is one {@code sink.problem(line, reason)} and the
 *       rest is kept. One-document formats are read as a token stream, one message tree at a time;
 *       a cut document gives one problem and keeps every message before the cut. Bulky fields no
 *       row uses are skipped without decoding.</li>
 *   <li>Rows: a real prompt is {@code user/user_prompt} (conversational); text a harness puts in
 *       the user channel is {@code user/system_injected}; assistant text
 *       {@code assistant/assistant_response}, reasoning {@code assistant/assistant_thinking};
 *       tool calls {@code tool_use/tool_use} (the agent's own tool name, {@code tool_input_json},
 *       and {@code file_path}, {@code command} (argv arrays joined into one line),
 *       {@code pattern} from the input); results {@code tool_result/tool_result} with
 *       {@code is_error} (failure or a denied permission); an interruption by the person is a
 *       {@code metadata/system_event} row with {@code is_interrupt} and event
 *       {@code turn_aborted}.</li>
 *   <li>Tokens: input tokens exclude cached input (cached ones are {@code cache_read}); output
 *       tokens include reasoning. A response's tokens go on its first row only, so summing a
 *       column over rows gives the response totals (Codex: from the {@code token_count} event that
 *       closes the response).
 *       Session tokens come from the transcript's own totals when it has them, else the sum over
 *       responses.</li>
 *   <li>Timestamps are UTC instants (ISO text, or epoch milliseconds; epoch values below 1e11 are
 *       taken as seconds); missing or unparsable gives null and the record is kept.</li>
 * </ul>
 */
package dev.personas.load.formats;
