package dev.personas.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.personas.load.formats.JsonLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of one source (a folder, or the checkpoint refs of a git repository) as a flat list of
 * {@link Entry}s sorted by path, each tagged with the repository it belongs to.
 *
 * <p>In a folder, a repository root is a folder holding {@code _source.json} (its {@code repo_id})
 * or named {@code <owner>+<repo>} (the development corpus's layout); its {@code _commits.jsonl}
 * (code commits with {@code checkpoint_ids} and {@code author_name}) gives checkpoint authors.
 * Other names starting with '_' are extraction artefacts and are not listed; {@code .git} folders
 * are skipped. Folders are walked in sorted order.
 */
public final class SourceTree {
  private SourceTree() {}

  /**
   * The repository a blob belongs to.
   *
   * @param repoId owner/repo, or null when unknown
   * @param authorByCheckpoint checkpoint id -> commit author (empty when unknown)
   * @param fallbackAuthor author to use when a checkpoint has none (git: checkpoint ref tip), or null
   * @param commitsFile the folder's {@code _commits.jsonl}, or null
   */
  public record Repo(String repoId, Map<String, String> authorByCheckpoint, String fallbackAuthor,
      Path commitsFile) {
    static final Repo UNKNOWN = new Repo(null, Map.of(), null);

    /** A repository without a commits export. */
    public Repo(String repoId, Map<String, String> authorByCheckpoint, String fallbackAuthor) {
      this(repoId, authorByCheckpoint, fallbackAuthor, null);
    }
  }

  /** One blob and its repository. */
  public record Entry(Blob blob, Repo repo) {}

  private static final Pattern OWNER_REPO = Pattern.compile("[A-Za-z0-9_.-]+\\+[A-Za-z0-9_.-]+");

  /**
   * Lists a folder recursively in sorted order.
   *
   * @param hashes receives (relative path, hex SHA-256) of the repository descriptor files read
   */
  public static List<Entry> walkFolder(Path root, Map<String, String> hashes) throws IOException {
    return walkFolder(root, hashes, new ArrayList<>());
  }

  /**
   * Lists a folder recursively in sorted order, also collecting every repository root found (in
   * walk order), including those that hold no checkpoint file.
   */
  public static List<Entry> walkFolder(Path root, Map<String, String> hashes, List<Repo> repos)
      throws IOException {
    return walkFolder(root, hashes, repos, null);
  }

  /**
   * {@link #walkFolder(Path, Map, List)} with the subfolders of {@code root} walked in parallel on
   * {@code pool} (null: on the calling thread); the result does not depend on it.
   */
  public static List<Entry> walkFolder(Path root, Map<String, String> hashes, List<Repo> repos,
      java.util.concurrent.ExecutorService pool) throws IOException {
    List<Entry> out = new ArrayList<>();
    walk(root, "", Repo.UNKNOWN, out, hashes, repos, pool);
    return out;
  }

  /** What the walk of one subfolder found, to be appended in name order. */
  private record Subtree(List<Entry> entries, Map<String, String> hashes, List<Repo> repos) {}

  /** A single file as a one-entry tree. */
  public static List<Entry> file(Path file) throws IOException {
    Path name = file.getFileName();
    return List.of(new Entry(new Blob.FileBlob(name == null ? file.toString() : name.toString(),
        file, Files.size(file)), Repo.UNKNOWN));
  }

  /**
   * Lists {@code dir} (one {@code lstat} per child), finds its repository ({@link #repoOf}: the
   * parent's unless {@code dir} is a repository root), then lists files and walks subfolders in
   * name order.
   */
  private static void walk(Path dir, String rel, Repo parent, List<Entry> out, Map<String, String> hashes,
      List<Repo> repos, java.util.concurrent.ExecutorService pool) throws IOException {
    List<Path> children = new ArrayList<>();
    boolean hasSource = false, hasCommits = false;
    try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path c : ds) {
        String name = c.getFileName().toString();
        if (name.equals("_source.json")) hasSource = Files.isRegularFile(c);
        else if (name.equals("_commits.jsonl")) hasCommits = Files.isRegularFile(c);
        if (name.startsWith("_") || name.equals(".git")) continue;
        children.add(c);
      }
    }
    children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    Repo repo = repoOf(dir, parent, rel, hasSource, hasCommits, hashes, repos);
    if (pool != null) {
      // each child on its own (a file is a one-entry subtree), appended in name order
      for (Subtree t : Workers.map(pool, children, null, c -> {
        Subtree t = new Subtree(new ArrayList<>(), new HashMap<>(), new ArrayList<>());
        String name = c.getFileName().toString();
        visit(c, rel.isEmpty() ? name : rel + "/" + name, repo, t.entries(), t.hashes(), t.repos());
        return t;
      })) {
        out.addAll(t.entries());
        t.hashes().forEach(hashes::put); // put, not putAll: the caller's map may key its own way
        repos.addAll(t.repos());
      }
      return;
    }
    for (Path c : children) {
      String name = c.getFileName().toString();
      visit(c, rel.isEmpty() ? name : rel + "/" + name, repo, out, hashes, repos);
    }
  }

  /** One child of a folder: walks a subfolder, lists a regular file, ignores anything else. */
  private static void visit(Path c, String rel, Repo repo, List<Entry> out, Map<String, String> hashes,
      List<Repo> repos) throws IOException {
    java.nio.file.attribute.BasicFileAttributes a;
    try {
      a = Files.readAttributes(c, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException gone) {
      return; // removed while listing
    }
    if (a.isDirectory()) {
      walk(c, rel, repo, out, hashes, repos, null);
    } else if (a.isRegularFile()) {
      out.add(new Entry(new Blob.FileBlob(rel, c, a.size()), repo));
    }
  }

  private static Repo repoOf(Path dir, Repo parent, String rel, boolean hasSource, boolean hasCommits,
      Map<String, String> hashes, List<Repo> repos) throws IOException {
    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
    boolean named = OWNER_REPO.matcher(name).matches();
    if (!hasSource && !named) return parent;
    String repoId = named ? name.replace('+', '/') : null;
    if (hasSource) {
      Path src = dir.resolve("_source.json");
      byte[] b = Files.readAllBytes(src);
      hashes.put(rel + "/_source.json", Fingerprint.sha256(b));
      try {
        String id = JsonLines.str(JsonLines.tree(b), "repo_id");
        if (id != null && !id.isBlank()) repoId = id;
      } catch (IOException e) {
        // unreadable descriptor: keep the folder-name id
      }
    }
    Map<String, String> authors = new HashMap<>();
    Path commits = dir.resolve("_commits.jsonl");
    if (hasCommits) {
      hashes.put(rel + "/_commits.jsonl", Fingerprint.sha256(commits));
      try (InputStream in = Decompress.open(commits);
          BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.isBlank()) continue;
          try {
            JsonNode n = JsonLines.tree(line);
            String author = JsonLines.str(n, "author_name");
            JsonNode ids = n.get("checkpoint_ids");
            if (author != null && ids != null && ids.isArray()) {
              for (JsonNode id : ids) if (id.isTextual()) authors.putIfAbsent(id.textValue(), author);
            }
          } catch (IOException e) {
            // a malformed commit line only loses that commit's authorship
          }
        }
      }
    }
    Repo r = new Repo(repoId, Map.copyOf(authors), null, hasCommits ? commits : null);
    repos.add(r);
    return r;
  }

  /**
   * The transcript files of a local agent home (issue 3 source 3), sorted:
   * {@code <home>/.claude/projects/**}{@code /*.jsonl} and {@code <home>/.codex/sessions/**}{@code /*.jsonl}
   * (also {@code .jsonl.gz} / {@code .jsonl.xz}).
   *
   * @param home the user's home directory (a parameter so tests can use a temporary folder)
   */
  public static List<Path> agentHomeTranscripts(Path home) throws IOException {
    List<Path> out = new ArrayList<>();
    for (String sub : List.of(".claude/projects", ".codex/sessions")) {
      Path d = home.resolve(sub);
      if (!Files.isDirectory(d)) continue;
      try (Stream<Path> s = Files.walk(d)) {
        s.filter(Files::isRegularFile)
            .filter(p -> {
              String n = p.getFileName().toString();
              return n.endsWith(".jsonl") || n.endsWith(".jsonl.gz") || n.endsWith(".jsonl.xz");
            })
            .sorted()
            .forEach(out::add);
      }
    }
    return out;
  }
}
