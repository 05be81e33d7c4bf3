package pitchgraph;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.configuration.Config;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Runs Neo4j 5 Community + APOC in this JVM and serves it over Bolt on 127.0.0.1, for PitchGraph's
 * Node process (src/database/embeddedNeo4j.ts), which spawns it when NEO4J_URI is not set.
 *
 * <pre>
 * java [jvm flags] -cp target/classes:target/lib/* pitchgraph.EmbeddedNeo4j \
 *     --data-dir DIR --plugins-dir DIR --password-file FILE [--bolt-port 7687] [--page-cache 256m] [--tx-memory SIZE]
 *     [--no-stdin-watch]
 * </pre>
 *
 * <p>Auth is always on: the user {@code neo4j} has the password held in FILE (the Node side generates it, mode 0600).
 * A fresh store gets it as its initial password before Bolt ever listens; a store whose password is not yet the
 * file's (created before auth, or the file was replaced) is opened once with Bolt off to set it, so Bolt never
 * serves a default or stale password. DIR/bolt-password.applied records a SHA-256 of the password last applied.
 *
 * Protocol with the parent: stdout carries exactly one line, {@code PITCHGRAPH_NEO4J_READY bolt://127.0.0.1:PORT},
 * once the default database is available and Bolt accepts connections; everything else goes to stderr or to
 * DIR/logs. While ready, DIR/embedded-neo4j.json tells other processes where to connect (the store lock forbids a
 * second instance on DIR). The JVM shuts Neo4j down cleanly on SIGTERM/SIGINT and when its stdin reaches EOF,
 * which happens when the parent exits, even by SIGKILL.
 */
public final class EmbeddedNeo4j {
    static final String READY_PREFIX = "PITCHGRAPH_NEO4J_READY ";
    static final String INSTANCE_FILE_NAME = "embedded-neo4j.json";
    static final String APPLIED_PASSWORD_FILE_NAME = "bolt-password.applied";
    static final String USER_NAME = "neo4j";
    private static final String LOOPBACK = "127.0.0.1";
    private static final long BUILD_WAIT_ON_SHUTDOWN_SECONDS = 60;

    private final Options options;
    private final Path instanceFile;
    private final AtomicBoolean stopped = new AtomicBoolean(false);
    private volatile DatabaseManagementService managementService;
    // Only the instance that wrote embedded-neo4j.json may delete it: a second launcher that fails on the store
    // lock must not remove the file of the instance that is running.
    private volatile boolean wroteInstanceFile;
    // Opened once build() has returned or failed: a shutdown requested mid-start waits for it, so it shuts a
    // fully built DBMS down cleanly instead of halting the JVM halfway through creating a store.
    private final CountDownLatch buildFinished = new CountDownLatch(1);

    private EmbeddedNeo4j(Options options) {
        this.options = options;
        this.instanceFile = options.dataDir.resolve(INSTANCE_FILE_NAME);
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("EmbeddedNeo4j: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        EmbeddedNeo4j launcher = new EmbeddedNeo4j(options);
        // Both are in place before starting: a parent that dies or a SIGTERM during the start still stops us.
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "pitchgraph-neo4j-shutdown"));
        if (options.watchStdin) {
            watchStdinForParentExit();
        }
        try {
            launcher.start();
        } catch (Throwable e) {
            if (launcher.stopped.get()) {
                return; // the start failed because a shutdown was requested meanwhile: nothing to report
            }
            System.err.println("PITCHGRAPH_NEO4J_FAILED " + describe(e));
            e.printStackTrace(System.err);
            System.exit(1);
        }
        // Neo4j's own non-daemon threads keep the JVM alive until a shutdown.
    }

    private void start() throws IOException {
        Path dataDir = options.dataDir;
        Files.createDirectories(dataDir);
        // An embedded-neo4j.json left here by a JVM killed with -9 is overwritten once we are ready; readers
        // ignore it meanwhile because its pid is dead (and the Bolt port does not answer).

        String password = readPassword(options.passwordFile);
        Path appliedFile = dataDir.resolve(APPLIED_PASSWORD_FILE_NAME);
        String passwordDigest = sha256(password);
        boolean freshStore = !Files.isDirectory(dataDir.resolve("data").resolve("databases").resolve("system"));
        if (freshStore) {
            writeInitialUser(dataDir, password);
        } else if (!passwordDigest.equals(readOrEmpty(appliedFile))) {
            applyPasswordWithBoltOff(dataDir, password);
        }

        try {
            managementService = build(dataDir, true);
        } finally {
            buildFinished.countDown();
        }

        GraphDatabaseService db = managementService.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        long deadline = System.currentTimeMillis() + options.availabilityTimeoutMs;
        while (!db.isAvailable(1_000)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("default database '" + GraphDatabaseSettings.DEFAULT_DATABASE_NAME
                        + "' was not available after " + options.availabilityTimeoutMs + " ms; see "
                        + dataDir.resolve("logs/debug.log"));
            }
        }

        Files.writeString(appliedFile, passwordDigest + "\n", StandardCharsets.UTF_8);
        // The initial-user file has done its job once the system database exists; a hash of the password need not lie around.
        Files.deleteIfExists(initialUserFile(dataDir));

        int boltPort = actualBoltPort(db);
        awaitBoltAcceptingConnections(boltPort, deadline);
        String boltUri = "bolt://" + LOOPBACK + ":" + boltPort;
        if (stopped.get()) {
            return; // shutting down already: do not advertise an instance that is going away
        }
        writeInstanceFile(boltUri);
        System.out.println(READY_PREFIX + boltUri);
        System.out.flush();
    }

    /**
     * A fresh store reads its first users from the initial user repository (data/dbms/auth.ini), as written by
     * {@code neo4j-admin dbms set-initial-password}: the same classes, so the password holds from the first second.
     */
    private static Path initialUserFile(Path dataDir) {
        Config config = Config.newBuilder()
                .set(GraphDatabaseSettings.neo4j_home, dataDir)
                .set(GraphDatabaseSettings.data_directory, dataDir.resolve("data"))
                .build();
        return CommunitySecurityModule.getInitialUserRepositoryFile(config);
    }

    private static void writeInitialUser(Path dataDir, String password) throws IOException {
        Path authFile = initialUserFile(dataDir);
        Files.createDirectories(authFile.getParent());
        Files.deleteIfExists(authFile);
        try (DefaultFileSystemAbstraction fileSystem = new DefaultFileSystemAbstraction()) {
            FileUserRepository users = new FileUserRepository(
                    fileSystem, authFile, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
            users.start();
            SystemGraphCredential credential = SystemGraphCredential.createCredentialForPassword(
                    password.getBytes(StandardCharsets.UTF_8), new SecureHasher());
            users.create(new User(USER_NAME, null, credential, false, false));
            users.shutdown();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not write the initial password to " + authFile, e);
        }
    }

    /** An existing store: set the password through the system database while Bolt is off, then shut down. */
    private void applyPasswordWithBoltOff(Path dataDir, String password) {
        System.err.println("EmbeddedNeo4j: setting the password of user '" + USER_NAME + "' (Bolt stays off meanwhile)");
        DatabaseManagementService service = build(dataDir, false);
        try {
            service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER " + USER_NAME + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the one already set: then there is nothing to do.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        } finally {
            service.shutdown();
        }
    }

    private static String readPassword(Path passwordFile) throws IOException {
        String password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
        if (password.length() < 8) {
            throw new IllegalArgumentException("the password in " + passwordFile + " is shorter than 8 characters");
        }
        return password;
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private DatabaseManagementService build(Path dataDir, boolean boltEnabled) {
        return new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(GraphDatabaseSettings.data_directory, dataDir.resolve("data"))
                .setConfig(GraphDatabaseSettings.logs_directory, dataDir.resolve("logs"))
                .setConfig(GraphDatabaseSettings.plugin_dir, options.pluginsDir)
                // Bolt on loopback only, in plaintext: nothing off this machine can reach it.
                .setConfig(BoltConnector.enabled, boltEnabled)
                .setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, options.boltPort))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Auth on (docs/decisions/006-database-outage-and-bolt-auth.md): loopback alone is no barrier, since
                // Bolt also speaks WebSocket and any web page open in a local browser can reach 127.0.0.1.
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // "dbms.usage_report.enabled": no phoning home (and no network beyond loopback is available).
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Explicit memory: Neo4j's defaults size the page cache from the machine's RAM, not from us.
                .setConfig(GraphDatabaseSettings.pagecache_memory, options.pageCacheBytes)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, options.txMemoryBytes)
                // APOC is loaded from the plugin directory; its procedures need unrestricted access.
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                .setConfig(GraphDatabaseSettings.procedure_allowlist, List.of("apoc.*"))
                // Netty otherwise waits a 5 s "quiet period" before closing the Bolt server on every shutdown.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                // The system and store diagnostics Neo4j writes to debug.log at every start (JVM, OS, every jar
                // and store file) take seconds of each start on a busy two-core machine; Neo4j's own doc of the
                // setting says so. -Dpitchgraph.neo4j.diagnostics=true (PITCHGRAPH_NEO4J_JAVA_OPTS) turns them back on.
                .setConfig(GraphDatabaseInternalSettings.dump_diagnostics, Boolean.getBoolean("pitchgraph.neo4j.diagnostics"))
                .build();
    }

    /** With --bolt-port 0 the OS picked the port; Neo4j records the bound address in its port register. */
    private int actualBoltPort(GraphDatabaseService db) {
        if (options.boltPort != 0) {
            return options.boltPort;
        }
        ConnectorPortRegister ports = ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class);
        HostnamePort bolt = ports.getLocalAddress(ConnectorType.BOLT);
        if (bolt == null) {
            throw new IllegalStateException("the Bolt connector did not register a listening port");
        }
        return bolt.getPort();
    }

    /** The Bolt server starts after the databases; wait until a TCP connect succeeds so "ready" is true for clients. */
    private static void awaitBoltAcceptingConnections(int port, long deadline) {
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(LOOPBACK, port), 1_000);
                return;
            } catch (IOException notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("Bolt is not accepting connections on " + LOOPBACK + ":" + port);
                }
                sleep(100);
            }
        }
    }

    /** Written atomically (temp file + rename) so a reader never sees half a file. */
    private void writeInstanceFile(String boltUri) throws IOException {
        String json = "{\"pid\":" + ProcessHandle.current().pid()
                + ",\"boltUri\":\"" + boltUri + "\""
                + ",\"startedAt\":\"" + Instant.now() + "\"}\n";
        Path temp = instanceFile.resolveSibling(INSTANCE_FILE_NAME + ".tmp");
        Files.writeString(temp, json, StandardCharsets.UTF_8);
        Files.move(temp, instanceFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        wroteInstanceFile = true;
    }

    /** Idempotent: called by the shutdown hook, which every exit path (signal, stdin EOF, failure) goes through. */
    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!buildFinished.await(BUILD_WAIT_ON_SHUTDOWN_SECONDS, TimeUnit.SECONDS)) {
                System.err.println("EmbeddedNeo4j: Neo4j was still starting; exiting without a clean shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (wroteInstanceFile) {
            try {
                Files.deleteIfExists(instanceFile);
            } catch (IOException e) {
                System.err.println("EmbeddedNeo4j: could not remove " + instanceFile + ": " + e);
            }
        }
        DatabaseManagementService service = managementService;
        if (service != null) {
            System.err.println("EmbeddedNeo4j: shutting down Neo4j");
            try {
                service.shutdown();
            } catch (Throwable e) {
                System.err.println("EmbeddedNeo4j: shutdown failed: " + describe(e));
            }
        }
    }

    /**
     * The parent holds the only write end of our stdin pipe. When it exits for any reason, including SIGKILL, the
     * pipe reaches EOF; we then exit (running the shutdown hook) instead of living on as an orphan holding the store
     * lock and the port.
     */
    private static void watchStdinForParentExit() {
        Thread watcher = new Thread(() -> {
            byte[] buffer = new byte[256];
            try (InputStream in = System.in) {
                while (in.read(buffer) != -1) {
                    // Input is ignored; only EOF matters.
                }
            } catch (IOException e) {
                // A broken stdin means the parent is gone, too.
            }
            System.err.println("EmbeddedNeo4j: stdin closed (parent process gone), shutting down");
            System.exit(0);
        }, "pitchgraph-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static String describe(Throwable e) {
        StringBuilder message = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (message.length() > 0) {
                message.append(" <- ");
            }
            message.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
        return message.toString().replace('\n', ' ');
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Command-line options. Sizes take Neo4j's syntax: 512m, 1g, ... */
    static final class Options {
        static final String USAGE = "usage: EmbeddedNeo4j --data-dir DIR --plugins-dir DIR [--bolt-port PORT (0 = any free)]"
                + " --password-file FILE [--page-cache SIZE (256m)] [--tx-memory SIZE (half the max heap)]"
                + " [--availability-timeout-ms MS (120000)] [--no-stdin-watch]";

        Path dataDir;
        Path pluginsDir;
        Path passwordFile;
        int boltPort = BoltConnector.DEFAULT_PORT;
        long pageCacheBytes = ByteUnit.parse("256m");
        // Cap on memory held by all open transactions, so a huge import batch fails with a clear error instead of
        // exhausting the heap. Neo4j's default is 70% of the heap; half leaves room for Cypher and the page cache's
        // on-heap bookkeeping.
        long txMemoryBytes = Math.max(ByteUnit.parse("128m"), Runtime.getRuntime().maxMemory() / 2);
        long availabilityTimeoutMs = 120_000;
        boolean watchStdin = true;

        static Options parse(String[] args) {
            Options options = new Options();
            String dataDirEnv = System.getenv("PITCHGRAPH_NEO4J_DIR");
            if (dataDirEnv != null && !dataDirEnv.isBlank()) {
                options.dataDir = Path.of(dataDirEnv);
            }
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--data-dir" -> options.dataDir = Path.of(value(args, ++i, arg));
                    case "--plugins-dir" -> options.pluginsDir = Path.of(value(args, ++i, arg));
                    case "--password-file" -> options.passwordFile = Path.of(value(args, ++i, arg));
                    case "--bolt-port" -> options.boltPort = port(value(args, ++i, arg));
                    case "--page-cache" -> options.pageCacheBytes = size(value(args, ++i, arg), arg);
                    case "--tx-memory" -> options.txMemoryBytes = size(value(args, ++i, arg), arg);
                    case "--availability-timeout-ms" -> options.availabilityTimeoutMs = Long.parseLong(value(args, ++i, arg));
                    case "--no-stdin-watch" -> options.watchStdin = false;
                    default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
                }
            }
            if (options.dataDir == null) {
                throw new IllegalArgumentException("--data-dir (or PITCHGRAPH_NEO4J_DIR) is required");
            }
            if (options.pluginsDir == null) {
                throw new IllegalArgumentException("--plugins-dir is required (the folder holding the APOC jar)");
            }
            if (options.passwordFile == null) {
                throw new IllegalArgumentException("--password-file is required (auth is always on)");
            }
            options.dataDir = options.dataDir.toAbsolutePath().normalize();
            options.passwordFile = options.passwordFile.toAbsolutePath().normalize();
            options.pluginsDir = options.pluginsDir.toAbsolutePath().normalize();
            return options;
        }

        private static String value(String[] args, int index, String name) {
            if (index >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[index];
        }

        private static int port(String text) {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--bolt-port must be 0..65535, got " + text);
            }
            return port;
        }

        private static long size(String text, String name) {
            try {
                return ByteUnit.parse(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + " must be a size like 256m or 1g, got '" + text + "'");
            }
        }
    }
}
