import PythonSyntax

/// Functions a chat, queue or RPC framework calls with what someone else sent: Slack bolt and
/// Discord commands, Telegram updates, Matrix (nio) events, RabbitMQ (pika) deliveries, MQTT
/// (paho) messages, gRPC servicer methods, and Celery tasks and Dramatiq actors (called with
/// what whoever enqueued them passed).
/// Their parameters carry outside data as a web handler's do.
///
/// Also the web handlers no route decorator names: GraphQL resolvers (graphene's
/// `resolve_*` methods, strawberry fields), Azure Functions taking an `HttpRequest`, and
/// Google Cloud Functions (`@functions_framework.http`).
struct MessageHandlers {
    let slack: Bool, discord: Bool, telegram: Bool, pika: Bool, grpc: Bool, matrix: Bool, mqtt: Bool
    let graphene: Bool, strawberry: Bool, azure: Bool, cloudFunctions: Bool, taskQueues: Bool
    let imports: ImportTable

    init(imports: ImportTable) {
        self.imports = imports
        slack = imports.imports("slack_bolt")
        discord = imports.imports("discord")
        telegram = imports.imports("telegram")
        pika = imports.imports("pika")
        grpc = imports.imports("grpc")
        matrix = imports.imports("nio")
        mqtt = imports.imports("paho")
        graphene = imports.imports("graphene")
        strawberry = imports.imports("strawberry")
        azure = imports.imports("azure.functions")
        cloudFunctions = imports.imports("functions_framework")
        taskQueues = imports.imports("celery") || imports.imports("dramatiq")
    }

    var any: Bool { slack || discord || telegram || pika || grpc || matrix || mqtt || taskQueues || webHandlersPossible }
    var webHandlersPossible: Bool { graphene || strawberry || azure || cloudFunctions }

    /// A GraphQL resolver, an Azure Function or a Cloud Function: called with a web request's
    /// data though no route decorator says so.
    func isWebHandler(name: String, arguments: Arguments, decorators: [Expr], classBases: [Expr]?) -> Bool {
        guard webHandlersPossible else { return false }
        if graphene, let classBases, name.hasPrefix("resolve_") || name == "mutate",
           classBases.contains(where: { ["ObjectType", "Mutation", "ClientIDMutation"].contains(Self.baseName($0) ?? "") }) {
            return true
        }
        if strawberry || cloudFunctions, decorators.contains(where: { decorator in
            var callee = decorator
            if case .call(let function, _, _) = decorator.kind { callee = function }
            guard let qualified = imports.qualifiedName(of: callee) else { return false }
            return ["strawberry.field", "strawberry.mutation", "functions_framework.http", "functions_framework.cloud_event"].contains(qualified)
        }) {
            return true
        }
        if azure, (arguments.posonlyargs + arguments.args).contains(where: { parameter in
            parameter.annotation.flatMap { imports.qualifiedName(of: $0) } == "azure.functions.HttpRequest"
        }) {
            return true
        }
        return false
    }

    /// Decorators of Slack bolt listeners (`@app.command("/deploy")`, `@app.message(...)`).
    static let slackListeners: Set<String> = ["command", "message", "event", "action", "shortcut", "view", "options"]
    /// Decorators of Discord commands and events (`@bot.command()`, `@client.event`, `@tree.command()`).
    static let discordListeners: Set<String> = ["command", "event", "listen", "slash_command", "hybrid_command", "user_command", "message_command"]

    /// Whether a function with these decorators and parameters (of a class whose bases are
    /// `bases`, for a method) is called by one of the frameworks the file imports.
    func isHandler(parameters: [String], decorators: [Expr], classBases: [Expr]?) -> Bool {
        let own = parameters.first == "self" ? Array(parameters.dropFirst()) : parameters
        if slack || discord {
            let listeners = slack ? Self.slackListeners : []
            let all = discord ? listeners.union(Self.discordListeners) : listeners
            if decorators.contains(where: { Self.decoratorName($0).map(all.contains) ?? false }) { return true }
        }
        // python-telegram-bot: `async def start(update, context)`.
        if telegram, own.count == 2, own[0] == "update" { return true }
        // matrix-nio: `async def on_message(room, event)`, added with `add_event_callback`.
        if matrix, own.count == 2, own[0] == "room", own[1] == "event" { return true }
        // pika: `def on_message(channel, method, properties, body)`.
        if pika, own.count == 4, own[3] == "body" { return true }
        // paho-mqtt: `def on_message(client, userdata, message)`.
        if mqtt, Self.isMQTTCallback(own) { return true }
        // Celery: `@app.task`, `@shared_task(bind=True)`; Dramatiq: `@dramatiq.actor`.
        if taskQueues, classBases == nil, decorators.contains(where: Self.isTaskDecorator) { return true }
        // grpc: `def GetUser(self, request, context)` of a `…Servicer` subclass.
        if grpc, let classBases, own == ["request", "context"], classBases.contains(where: { Self.baseName($0)?.hasSuffix("Servicer") == true }) {
            return true
        }
        return false
    }

    /// paho-mqtt's message callback: the client and the application's own `userdata` come
    /// first, the message another device published last.
    static func isMQTTCallback(_ parameters: [String]) -> Bool {
        parameters.count == 3 && parameters[0] == "client" && parameters[1] == "userdata"
    }

    /// `@app.task`, `@celery.task(...)`, `@shared_task`, `@dramatiq.actor`, `@actor`.
    static func isTaskDecorator(_ decorator: Expr) -> Bool {
        var expression = decorator
        if case .call(let function, _, _) = decorator.kind { expression = function }
        switch expression.kind {
        case .name(let id, _): return id == "shared_task" || id == "actor"
        case .attribute(_, let attr, _): return attr == "task" || attr == "shared_task" || attr == "actor"
        default: return false
        }
    }

    static func decoratorName(_ decorator: Expr) -> String? {
        var expression = decorator
        if case .call(let function, _, _) = decorator.kind { expression = function }
        if case .attribute(_, let attr, _) = expression.kind { return attr }
        return nil
    }

    static func baseName(_ base: Expr) -> String? {
        switch base.kind {
        case .name(let id, _): return id
        case .attribute(_, let attr, _): return attr
        default: return nil
        }
    }
}
