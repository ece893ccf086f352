package kgtest;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.Config;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.internal.Version;
import org.neo4j.server.CommunityBootstrapper;

/**
 * A Neo4j Community server for tests, started the way {@code neo4j console} starts one (the server's
 * own bootstrapper: Bolt, the HTTP server and Browser at /browser/), on loopback only.
 *
 * <pre>
 * serve --home DIR --bolt PORT --http PORT [--pagecache SIZE] [--exit-on-stdin-eof]
 *     NEO4J_HOME is DIR (data in DIR/data, logs in DIR/logs, DIR/conf/neo4j.conf written here);
 *     the page cache is 128m unless --pagecache says otherwise (e.g. 512m for a benchmark);
 *     the password of user neo4j is read from the environment variable NEO4J_TEST_PASSWORD and
 *     never printed. Prints one line "READY bolt=... http=... version=..." on stdout when the
 *     server answers; SIGTERM (or SIGINT) shuts it down cleanly (exit code 0), and so does the
 *     end of stdin with --exit-on-stdin-eof (the caller holds the pipe: if it dies, the server stops).
 * admin --home DIR ARGS...
 *     neo4j-admin ARGS with NEO4J_HOME=DIR and NEO4J_CONF=DIR/conf (the same conf), e.g.
 *     admin --home DIR database import full neo4j --nodes=/abs/a.csv ...; "serve" then starts on
 *     its result. (The database name goes first: after --relationships=FILE neo4j-admin reads it
 *     as one more file. neo4j-admin 2026.x wants paths with a folder: absolute, or ./a.csv.)
 * </pre>
 *
 * Not neo4j-harness: its in-process builder puts the store in a random folder of its own, where
 * neo4j-admin import cannot write, and brings test libraries the server does not need.
 */
public final class Neo4jTestServer {
    static final String PASSWORD_ENV = "NEO4J_TEST_PASSWORD";
    static final String DEFAULT_PAGECACHE = "128m";

    private Neo4jTestServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !args[1].equals("--home")) {
            usage();
        }
        Path home = Path.of(args[2]).toAbsolutePath();
        switch (args[0]) {
            case "serve" -> serve(home, Arrays.copyOfRange(args, 3, args.length));
            case "admin" -> System.exit(admin(home, Arrays.copyOfRange(args, 3, args.length)));
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: Neo4jTestServer serve --home DIR --bolt PORT --http PORT [--pagecache SIZE] [--exit-on-stdin-eof]   (password in $" + PASSWORD_ENV + ")");
        System.err.println("       Neo4jTestServer admin --home DIR <neo4j-admin arguments>");
        System.exit(64);
    }

    /** Settings for the server and the admin tool alike: loopback only, nothing sent out, small memory. */
    private static Map<String, String> settings(int bolt, int http, String pagecache) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("server.default_listen_address", "127.0.0.1");
        s.put("server.default_advertised_address", "127.0.0.1");
        s.put("server.bolt.enabled", "true");
        s.put("server.bolt.listen_address", "127.0.0.1:" + bolt);
        s.put("server.bolt.advertised_address", "127.0.0.1:" + bolt);
        s.put("server.http.enabled", "true");
        s.put("server.http.listen_address", "127.0.0.1:" + http);
        s.put("server.http.advertised_address", "127.0.0.1:" + http);
        s.put("server.https.enabled", "false");
        s.put("dbms.security.auth_enabled", "true");
        // by default 3 failed logins lock the user out for 5 s, even with the right password after:
        // tests that check wrong passwords would break the tests after them
        s.put("dbms.security.auth_max_failed_attempts", "0");
        // the heap is capped by the caller (-Xmx); the page cache would default to half of the RAM
        s.put("server.memory.pagecache.size", pagecache);
        // no usage reports, no Browser telemetry or remote content: a test server talks to no one
        s.put("dbms.usage_report.enabled", "false");
        // small, short-lived databases: no 256 MB preallocated transaction log files
        s.put("db.tx_log.preallocate", "false");
        s.put("db.tx_log.rotation.size", "16M");
        return s;
    }

    /**
     * Settings of the server alone, passed in memory: Browser's (neo4j-admin refuses them in
     * neo4j.conf) and, where this version declares it, Bolt's Netty shutdown quiet period (5 s
     * for each of its two event loops by default: 10 of the 12 seconds a stop took).
     */
    private static Map<String, String> serverSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("client.allow_telemetry", "false");
        String quiet = "internal.dbms.bolt.netty_server_shutdown_quiet_period";
        if (declared(quiet, "0")) {
            s.put(quiet, "0");
        }
        return s;
    }

    /** Whether this Neo4j version knows a setting (strict validation refuses unknown ones). */
    private static boolean declared(String name, String value) {
        try {
            Config.newBuilder().setRaw(Map.of(name, value)).build();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Path writeConf(Path home, int bolt, int http, String pagecache) throws IOException {
        Path conf = Files.createDirectories(home.resolve("conf"));
        StringBuilder text = new StringBuilder("# written by tests/neo4j Neo4jTestServer; no secrets here\n");
        settings(bolt, http, pagecache).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        // LOAD CSV reads file:/// URLs from here, as a server installed from Neo4j's archive does
        text.append("server.directories.import=").append(Files.createDirectories(home.resolve("import")).toString()).append('\n');
        Path file = conf.resolve("neo4j.conf");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    static int admin(Path home, String[] args) throws IOException {
        Path file = writeConf(home, 7687, 7474, DEFAULT_PAGECACHE);
        return AdminTool.execute(new ExecutionContext(home, file.getParent()), args);
    }

    private static void serve(Path home, String[] args) throws Exception {
        int bolt = -1, http = -1;
        String pagecache = DEFAULT_PAGECACHE;
        boolean watchStdin = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bolt" -> bolt = i + 1 < args.length ? Integer.parseInt(args[++i]) : -1;
                case "--http" -> http = i + 1 < args.length ? Integer.parseInt(args[++i]) : -1;
                case "--pagecache" -> pagecache = i + 1 < args.length ? args[++i] : DEFAULT_PAGECACHE;
                case "--exit-on-stdin-eof" -> watchStdin = true;
                default -> usage();
            }
        }
        if (bolt <= 0 || http <= 0) {
            usage();
        }
        String password = System.getenv(PASSWORD_ENV);
        if (password == null || password.length() < 8) {
            System.err.println("set the password of user neo4j (8 characters or more) in $" + PASSWORD_ENV);
            System.exit(64);
        }
        // the real stdout: the server redirects System.out/err into its log once it starts
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path file = writeConf(home, bolt, http, pagecache);

        boolean fresh = !Files.exists(home.resolve("data").resolve("databases").resolve("system"));
        if (fresh) {
            // before the first start (also on a folder neo4j-admin import made): no window in
            // which the default password is accepted
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            PrintStream sink = new PrintStream(buf, true, StandardCharsets.UTF_8);
            int rc = AdminTool.execute(new ExecutionContext(home, file.getParent(), sink, sink, new DefaultFileSystemAbstraction()),
                    "dbms", "set-initial-password", password);
            if (rc != 0) {
                System.err.println("setting the initial password failed (" + rc + "): "
                        + buf.toString(StandardCharsets.UTF_8).replace(password, "***"));
                System.exit(2);
            }
        }

        if (watchStdin) {
            Thread watch = new Thread(() -> {
                try {
                    while (System.in.read() != -1) {
                        // nothing is sent; wait for the end of the stream
                    }
                } catch (IOException e) {
                    // closed: the same as the end of the stream
                }
                System.exit(0);
            }, "stdin-eof-watch");
            watch.setDaemon(true);
            watch.start();
        }

        CommunityBootstrapper server = new CommunityBootstrapper();
        int rc = server.start(home, file, serverSettings(), false, false);
        if (rc != 0) {
            out.println("FAILED code=" + rc + " (see " + home.resolve("logs") + ")");
            System.exit(rc);
        }
        if (!fresh) {
            setPassword(server.getDatabaseManagementService(), password);
        }
        out.println("READY bolt=bolt://127.0.0.1:" + bolt + " http=http://127.0.0.1:" + http
                + " version=" + Version.getNeo4jVersion());
        // the server's own signal handlers turn SIGTERM/SIGINT into System.exit(0), whose shutdown
        // hook stops the databases (a checkpoint, then the store files are closed). The same clean
        // stop when stdin closes: a test run that dies (even by SIGKILL) leaves no server behind.
        Thread.currentThread().join();
    }

    /** A restart on a folder whose system database exists: set the password there (auth.ini is read once). */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()).replace(password, "***");
            if (!message.contains("same")) {
                System.err.println("setting the password failed: " + message);
                System.exit(2);
            }
        }
    }
}
