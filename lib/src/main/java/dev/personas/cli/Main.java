package dev.personas.cli;

import dev.personas.personas.PersonasReport;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The workbench command line: {@code ./workbench <command> --help} documents each command.
 * Exit codes: 0 ok, 1 failure (the message names the file or stage at fault), 2 bad usage.
 */
@Command(name = "workbench", mixinStandardHelpOptions = true, version = "Persona Workbench 0.1.0",
    description = "Mine how people work with coding agents: sessions, session types, personas.",
    subcommands = {IngestCommand.class, FeaturesCommand.class, TypesCommand.class,
        PersonasReport.class, GenerateCommand.class, MeCommand.class, ModelsCommand.class})
public final class Main {
  private Main() {}

  /** The configured command line (exit codes and error handling as documented above). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      PrintWriter err = cmd.getErr();
      if (ex instanceof IllegalArgumentException) {
        err.println(cmd.getCommandName() + ": " + ex.getMessage());
        return 2;
      }
      err.println(cmd.getCommandName() + ": " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
      return 1;
    });
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
