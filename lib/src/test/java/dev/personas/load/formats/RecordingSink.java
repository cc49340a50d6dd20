package dev.personas.load.formats;

import dev.personas.load.SessionInfo;
import dev.personas.load.TranscriptSink;
import dev.personas.load.Turn;
import java.util.ArrayList;
import java.util.List;

/** Test sink: keeps a copy of every turn and every problem. */
final class RecordingSink implements TranscriptSink {
  final List<Turn> turns = new ArrayList<>();
  final List<String> problems = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();
  final SessionInfo info = new SessionInfo();
  private final boolean keep;
  long count;
  long prompts;
  long toolUses;

  RecordingSink() {
    this(true);
  }

  RecordingSink(boolean keep) {
    this.keep = keep;
  }

  @Override
  public void turn(Turn t) {
    count++;
    if ("user_prompt".equals(t.turnType)) prompts++;
    if ("tool_use".equals(t.turnType)) toolUses++;
    if (!keep) return;
    turns.add(t.copy());
  }

  @Override
  public void problem(long line, String reason) {
    problems.add(line + ": " + reason);
  }

  @Override
  public void warning(long line, String reason) {
    warnings.add(line + ": " + reason);
  }

  @Override
  public SessionInfo session() {
    return info;
  }

  List<Turn> ofType(String turnType) {
    return turns.stream().filter(t -> turnType.equals(t.turnType)).toList();
  }
}
