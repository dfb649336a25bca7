import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local exactly as its own ServerRunner builds it from the command line, but listening on
 * one address (127.0.0.1 unless -Djiuyi.host says otherwise) instead of every interface: the jar has
 * no option for it, and a local database with no credentials must not be reachable from the network.
 * Run in Java's source-file mode (`java -cp DynamoDBLocal.jar LoopbackDynamoDbLocal.java -port …`),
 * so nothing is compiled or committed as a binary.
 */
public class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    String host = System.getProperty("jiuyi.host", "127.0.0.1");
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    Connector[] connectors = jetty.getConnectors();
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local has no HTTP connector");
    for (Connector connector : connectors) ((ServerConnector) connector).setHost(host);
    proxy.start();
    System.out.println("DynamoDB Local listening on " + host);
  }
}
