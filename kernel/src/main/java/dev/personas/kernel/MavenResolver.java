package dev.personas.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves {@code %maven} coordinates with their runtime dependencies using Maven Resolver
 * (maven-resolver-supplier 1.9): the local repository first, then Maven Central.
 *
 * <p>The local repository is {@code $WORKBENCH_M2_REPO} when set, else {@code ~/.m2/repository}.
 * Nothing is contacted over the network unless an artifact is missing locally.
 */
public final class MavenResolver {

    /** Maven Central, the only remote repository. */
    public static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final Path localRepository;
    private RepositorySystem system;

    /** @param localRepository the local repository directory (created on demand) */
    public MavenResolver(Path localRepository) {
        this.localRepository = Objects.requireNonNull(localRepository, "localRepository");
    }

    /** The resolver for the environment's local repository. */
    public static MavenResolver fromEnvironment() {
        String env = System.getenv("WORKBENCH_M2_REPO");
        Path repo = env != null && !env.isBlank()
                ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return new MavenResolver(repo);
    }

    /**
     * Resolves {@code coordinates} (group:artifact[:extension[:classifier]]:version) and its
     * runtime-scope transitive dependencies.
     *
     * @return the jar files, the requested artifact first, then dependencies in resolution order
     * @throws IllegalArgumentException if the coordinate is malformed or cannot be resolved
     */
    public synchronized List<Path> resolve(String coordinates) {
        Magics.checkCoordinate(coordinates);
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(
                system.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
        RemoteRepository central = new RemoteRepository.Builder("central", "default", CENTRAL).build();
        CollectRequest collect = new CollectRequest();
        collect.setRoot(new Dependency(new DefaultArtifact(coordinates), JavaScopes.RUNTIME));
        collect.addRepository(central);
        DependencyRequest request = new DependencyRequest(collect,
                DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        try {
            List<Path> out = new ArrayList<>();
            for (ArtifactResult r : system.resolveDependencies(session, request).getArtifactResults()) {
                if (r.getArtifact() != null && r.getArtifact().getFile() != null) {
                    out.add(r.getArtifact().getFile().toPath());
                }
            }
            return out;
        } catch (DependencyResolutionException e) {
            throw new IllegalArgumentException("%maven cannot resolve " + coordinates + ": " + e.getMessage(), e);
        }
    }
}
