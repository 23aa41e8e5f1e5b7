import PythonSyntax

/// B506: `yaml.load` without a safe loader constructs arbitrary Python objects.
struct YAMLLoadRule: Rule {
    static let description = RuleDescription(
        code: "ASC506", name: "yaml-unsafe-load", banditID: "B506", cwe: 502, severity: .high, confidence: .high,
        rationale: """
        yaml.load with the full or unsafe loader builds any Python object a document names \
        (!!python/object/apply:os.system). Use yaml.safe_load, or Loader=yaml.SafeLoader.
        """,
        fixAvailable: true,
        triggering: [
            "from ruamel.yaml import YAML\nspec = ↓YAML(typ=\"unsafe\", pure=True).load(text)\n",
            "import yaml\ndata = ↓yaml.load(text)\n",
            "import yaml\ndata = ↓yaml.load(text, Loader=yaml.Loader)\n",
            "import yaml\ndata = ↓yaml.unsafe_load(text)\n",
            "from yaml import load, UnsafeLoader\ndata = ↓load(stream, UnsafeLoader)\n",
        ],
        nonTriggering: [
            "from ruamel.yaml import YAML\nspec = YAML(typ=\"safe\").load(text)\n",
            "import yaml\ndata = yaml.safe_load(text)\n",
            "import yaml\ndata = yaml.load(text, Loader=yaml.SafeLoader)\n",
            "import yaml\ndata = yaml.load(text, yaml.CSafeLoader)\n",
            "import yaml\n\nclass Definitions:\n    def __init__(self, loader_cls=yaml.SafeLoader):\n        self.loader_cls = loader_cls\n\n    def parse(self, text):\n        return yaml.load(text, Loader=self.loader_cls)\n",
            "import json\ndata = json.load(f)\n",
        ]
    )

    var callees: Set<String> {
        ["yaml.load", "yaml.load_all", "yaml.unsafe_load", "yaml.unsafe_load_all", "yaml.full_load", "yaml.full_load_all", "ruamel.yaml.YAML"]
    }

    static let safeLoaders: Set<String> = ["yaml.SafeLoader", "yaml.CSafeLoader", "yaml.BaseLoader", "yaml.CBaseLoader"]

    func check(call: CallSite, context: inout RuleContext) {
        // ruamel's `YAML(typ="unsafe")`: a loader that builds any Python object.
        if call.qualifiedName == "ruamel.yaml.YAML" {
            guard call.argument("typ", position: 0)?.stringConstant == "unsafe" else { return }
            context.report(call.expression.loc, "ruamel.yaml.YAML(typ=\"unsafe\") can construct arbitrary Python objects from the document",
                           fixHint: "use YAML(typ=\"safe\")")
            return
        }
        if call.qualifiedName.hasPrefix("yaml.load") {
            if var loader = call.argument("Loader", position: 1) {
                // `Loader=self.loader_cls` of a constructor defaulting it to `yaml.SafeLoader`.
                if case .attribute(let owner, let attr, _) = loader.kind, case .name("self", _) = owner.kind,
                   let fixed = context.parsed.module.constructorDefault(of: attr, inClassAround: loader.loc.startByte) {
                    loader = fixed
                }
                if let name = context.imports.qualifiedName(of: loader), Self.safeLoaders.contains(name) { return }
                if case .name(let id, _) = loader.kind, id.hasSuffix("SafeLoader") || id.hasSuffix("BaseLoader") { return }
            }
        }
        context.report(call.expression.loc, "\(call.qualifiedName) can construct arbitrary Python objects from the document",
                       fixHint: "use yaml.safe_load (or Loader=yaml.SafeLoader)")
    }
}
