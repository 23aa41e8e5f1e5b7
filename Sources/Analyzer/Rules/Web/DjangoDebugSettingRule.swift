import PythonSyntax

/// CWE-489: `DEBUG = True` in a Django settings module.
struct DjangoDebugSettingRule: Rule {
    static let description = RuleDescription(
        code: "ASC2489", name: "django-debug-setting", cwe: 489, severity: .medium, confidence: .medium,
        rationale: """
        With DEBUG on, Django answers every error with a page of the settings, the SQL, the \
        stack and local variables, and keeps every query in memory. A settings module that \
        turns it on unconditionally ships that to production. Read it from the environment \
        (DEBUG = os.environ.get("DJANGO_DEBUG") == "1") and leave it off by default.
        """,
        triggering: [
            "SECRET_KEY = os.environ[\"SECRET_KEY\"]\n↓DEBUG = True\nALLOWED_HOSTS = [\"crm.example.com\"]\nINSTALLED_APPS = [\"django.contrib.admin\"]\n",
        ],
        nonTriggering: [
            "DEBUG = os.environ.get(\"DJANGO_DEBUG\") == \"1\"\nALLOWED_HOSTS = [\"crm.example.com\"]\nINSTALLED_APPS = []\n",
            "DEBUG = True  # a script's own switch\n\ndef main():\n    pass\n",
        ]
    )

    /// Names only a Django settings module sets, two of which make a file one.
    static let settingNames: Set<String> = [
        "INSTALLED_APPS", "MIDDLEWARE", "ROOT_URLCONF", "ALLOWED_HOSTS", "DATABASES", "WSGI_APPLICATION", "TEMPLATES",
        "AUTH_PASSWORD_VALIDATORS", "STATIC_URL",
    ]

    var inspectsSource: Bool { true }
    var requiredIdentifiers: [String] { ["DEBUG"] }

    func check(source parsed: ParsedModule, context: inout RuleContext) {
        var settings = 0
        var debug: Stmt?
        for statement in parsed.module.body {
            guard case .assign(let targets, let value) = statement.kind, targets.count == 1, case .name(let id, _) = targets[0].kind else { continue }
            if Self.settingNames.contains(id) { settings += 1 }
            if id == "DEBUG", case .constant(.bool(true), _) = value.kind { debug = statement }
        }
        guard settings >= 2, let debug else { return }
        context.report(debug.loc, "Django settings turn DEBUG on unconditionally", fixHint: "read DEBUG from the environment, off by default")
    }
}
