package dev.personas.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Reads Entire checkpoint data straight from a git repository's refs with JGit, without checking
 * anything out (issue 3 source 1): {@code refs/heads/entire/checkpoints/v1} (older name
 * {@code entire/sessions}), {@code refs/entire/checkpoints/v2/main} and {@code .../v2/full/current},
 * one-ref-per-checkpoint refs {@code refs/entire/checkpoints/<XX>/<ID>}, their
 * {@code refs/remotes/<remote>/...} copies, and shadow branches {@code entire/<commit>-<worktree>}
 * (only their {@code .entire/metadata/} folder). Blob paths are prefixed with the ref name (minus
 * {@code refs/}), so layouts do not collide.
 *
 * <p>Identity: the author of the code commit carrying the {@code Entire-Checkpoint: <id>} trailer
 * (any non-Entire ref), else the author of the checkpoint-branch commit that added the checkpoint's
 * {@code metadata.json}, else the author of a one-ref-per-checkpoint ref's tip. repo_id: the
 * {@code origin} remote's owner/repo, else the folder name.
 *
 * <p>Code commits: every commit reachable from a non-Entire ref whose message carries an
 * {@code Entire-Checkpoint:} trailer becomes a {@link CodeCommit} ({@link #commits()}): author and
 * committer time (UTC), subject, trailer ids, and numstat against the first parent (the empty tree
 * for a root commit; no rename detection; binary files count 0 lines).
 */
public final class GitSource implements AutoCloseable {
  private static final Pattern TRAILER = Pattern.compile("(?m)^Entire-Checkpoint:\\s*([0-9a-fA-F]{12})\\s*$");
  private static final Pattern CHECKPOINT_META = Pattern.compile("^([0-9a-f]{2})/([0-9a-f]{10})/metadata\\.json$");
  private static final Pattern PER_CHECKPOINT_REF = Pattern.compile("^refs/(?:remotes/[^/]+/)?entire/checkpoints/[0-9A-Za-z]{2}/[0-9A-Za-z]+$");

  private final Repository repo;
  private final Path dir;
  private final List<CodeCommit> commits = new ArrayList<>();

  private GitSource(Path dir, Repository repo) {
    this.dir = dir;
    this.repo = repo;
  }

  /** Whether a folder is a git repository (a work tree with .git, or a bare repository). */
  public static boolean isRepository(Path dir) {
    return Files.exists(dir.resolve(".git"))
        || (Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects"))
            && Files.isDirectory(dir.resolve("refs")));
  }

  /** Opens a repository; close it after the blobs have been read. */
  public static GitSource open(Path dir) throws IOException {
    FileRepositoryBuilder b = new FileRepositoryBuilder().setMustExist(true);
    if (Files.exists(dir.resolve(".git"))) b.findGitDir(dir.toFile());
    else b.setGitDir(dir.toFile());
    return new GitSource(dir, b.build());
  }

  /** Whether a ref holds Entire checkpoint data (or is a shadow branch). */
  static boolean isEntireRef(String name) {
    return name.startsWith("refs/entire/") || name.startsWith("refs/heads/entire/")
        || name.matches("^refs/remotes/[^/]+/entire/.*");
  }

  static boolean isShadow(String name) {
    String n = name.replaceFirst("^refs/(heads/|remotes/[^/]+/)?", "");
    return n.startsWith("entire/") && !n.startsWith("entire/checkpoints") && !n.startsWith("entire/sessions");
  }

  /** owner/repo of a remote URL (https, ssh or scp-like), or null. */
  static String ownerRepo(String url) {
    if (url == null) return null;
    String u = url.strip().replaceFirst("\\.git/?$", "").replaceFirst("/$", "");
    String[] parts = u.split("[/:]");
    if (parts.length < 2) return null;
    String owner = parts[parts.length - 2], name = parts[parts.length - 1];
    if (owner.isEmpty() || name.isEmpty()) return null;
    return owner + "/" + name;
  }

  /** The checkpoint blobs of every Entire ref, sorted by path, all tagged with one repository. */
  public List<SourceTree.Entry> entries() throws IOException {
    String repoId = ownerRepo(repo.getConfig().getString("remote", "origin", "url"));
    if (repoId == null) {
      Path n = dir.toAbsolutePath().normalize().getFileName();
      repoId = n == null ? "unknown" : n.toString().replaceFirst("\\.git$", "");
    }
    List<Ref> all = new ArrayList<>(repo.getRefDatabase().getRefs());
    all.sort(Comparator.comparing(Ref::getName));
    List<Ref> entire = new ArrayList<>();
    Set<ObjectId> seen = new HashSet<>();
    for (Ref r : all) {
      if (!isEntireRef(r.getName()) || r.getObjectId() == null) continue;
      // a remote-tracking copy pointing at the same commit as a local ref adds nothing
      if (r.getName().startsWith("refs/remotes/") && !seen.add(r.getObjectId())) continue;
      seen.add(r.getObjectId());
      entire.add(r);
    }
    Map<String, String> authors = new HashMap<>();
    String fallback = null;
    try (RevWalk rw = new RevWalk(repo)) {
      // 1. trailers on code commits
      boolean any = false;
      for (Ref r : all) {
        if (isEntireRef(r.getName()) || r.getObjectId() == null) continue;
        try {
          rw.markStart(rw.parseCommit(r.getObjectId()));
          any = true;
        } catch (IOException e) {
          // a ref to a non-commit (tag of a blob) has no trailers
        }
      }
      if (any) {
        commits.clear();
        for (RevCommit c : rw) {
          Matcher m = TRAILER.matcher(c.getFullMessage());
          List<String> ids = new ArrayList<>();
          while (m.find()) {
            String id = m.group(1).toLowerCase();
            authors.putIfAbsent(id, c.getAuthorIdent().getName());
            if (!ids.contains(id)) ids.add(id);
          }
          if (!ids.isEmpty()) commits.add(codeCommit(rw, c, repoId, ids));
        }
        commits.sort(Comparator.comparing(CodeCommit::sha));
      }
    }
    // 2. the checkpoint-branch commit that added each checkpoint
    for (Ref r : entire) {
      if (isShadow(r.getName())) continue;
      try (RevWalk rw = new RevWalk(repo)) {
        RevCommit tip = rw.parseCommit(r.getObjectId());
        if (PER_CHECKPOINT_REF.matcher(r.getName()).matches()) {
          if (fallback == null) fallback = tip.getAuthorIdent().getName();
        }
        rw.markStart(tip);
        rw.sort(RevSort.REVERSE);
        for (RevCommit c : rw) {
          try (TreeWalk tw = new TreeWalk(repo)) {
            tw.setRecursive(true);
            if (c.getParentCount() > 0) {
              tw.addTree(rw.parseCommit(c.getParent(0)).getTree());
              tw.addTree(c.getTree());
              tw.setFilter(TreeFilter.ANY_DIFF);
            } else {
              tw.addTree(c.getTree());
            }
            int last = tw.getTreeCount() - 1;
            while (tw.next()) {
              if (tw.getTreeCount() == 2 && !tw.getObjectId(0).equals(ObjectId.zeroId())) continue;
              Matcher m = CHECKPOINT_META.matcher(tw.getPathString());
              if (m.matches() && !tw.getObjectId(last).equals(ObjectId.zeroId())) {
                authors.putIfAbsent(m.group(1) + m.group(2), c.getAuthorIdent().getName());
              }
            }
          }
        }
      }
    }
    SourceTree.Repo repoCtx = new SourceTree.Repo(repoId, Map.copyOf(authors), fallback);
    List<SourceTree.Entry> out = new ArrayList<>();
    try (RevWalk rw = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
      for (Ref r : entire) {
        boolean shadow = isShadow(r.getName());
        String prefix = r.getName().substring("refs/".length()) + "/";
        RevCommit tip = rw.parseCommit(r.getObjectId());
        try (TreeWalk tw = new TreeWalk(repo)) {
          tw.addTree(tip.getTree());
          tw.setRecursive(true);
          while (tw.next()) {
            String p = tw.getPathString();
            if (shadow && !p.startsWith(".entire/metadata/")) continue;
            ObjectId id = tw.getObjectId(0);
            long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
            out.add(new SourceTree.Entry(new GitBlob(prefix + p, id, size,
                "git:" + dir + "@" + r.getName() + ":" + p), repoCtx));
          }
        }
      }
    }
    out.sort(Comparator.comparing(e -> e.blob().path()));
    return out;
  }

  /**
   * The code commits with {@code Entire-Checkpoint:} trailers, sorted by sha; filled by
   * {@link #entries()} (empty before).
   */
  List<CodeCommit> commits() {
    return List.copyOf(commits);
  }

  private CodeCommit codeCommit(RevWalk rw, RevCommit c, String repoId, List<String> ids) throws IOException {
    int files = 0;
    long added = 0, removed = 0;
    try (DiffFormatter df = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      df.setRepository(repo);
      df.setDiffComparator(RawTextComparator.DEFAULT);
      df.setDetectRenames(false);
      ObjectId parentTree = null;
      if (c.getParentCount() > 0) parentTree = rw.parseCommit(c.getParent(0)).getTree();
      for (DiffEntry d : df.scan(parentTree, c.getTree())) {
        files++;
        FileHeader fh = df.toFileHeader(d);
        if (fh.getPatchType() != FileHeader.PatchType.UNIFIED) continue; // binary: no line counts
        for (Edit e : fh.toEditList()) {
          added += e.getLengthB();
          removed += e.getLengthA();
        }
      }
    }
    return new CodeCommit(c.getName(), repoId, c.getAuthorIdent().getName(),
        c.getAuthorIdent().getWhenAsInstant(), c.getCommitterIdent().getWhenAsInstant(),
        c.getShortMessage(), List.copyOf(ids), c.getParentCount(), files, added, removed, "git",
        "git:" + dir);
  }

  private final class GitBlob implements Blob {
    private final String path;
    private final ObjectId id;
    private final long size;
    private final String origin;

    GitBlob(String path, ObjectId id, long size, String origin) {
      this.path = path;
      this.id = id;
      this.size = size;
      this.origin = origin;
    }

    @Override
    public String path() {
      return path;
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public InputStream open() throws IOException {
      return repo.open(id, Constants.OBJ_BLOB).openStream();
    }

    @Override
    public String origin() {
      return origin;
    }
  }

  @Override
  public void close() {
    repo.close();
  }
}
