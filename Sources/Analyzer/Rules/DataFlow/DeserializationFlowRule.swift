import PythonSyntax

/// Untrusted bytes given to a deserializer that can run code.
struct DeserializationFlowRule: DataFlowRule {
    static let description = RuleDescription(
        code: "ASC1502", name: "unsafe-deserialization-flow", cwe: 502, severity: .high, confidence: .high,
        rationale: """
        Untrusted data reaches pickle, marshal, shelve, dill, jsonpickle or an unsafe YAML loader, \
        which can build objects that run code. Exchange JSON, or yaml.safe_load.
        """,
        triggering: [
            "import joblib\nfrom flask import request\n\ndef load():\n    return ↓joblib.load(request.files[\"model\"])\n",
            "import pickle\nfrom flask import request\n\ndef load():\n    return ↓pickle.loads(request.data)\n",
            "import yaml, socket\n\ndef serve(conn):\n    data = conn.recv(4096)\n    return ↓yaml.load(data, Loader=yaml.Loader)\n",
        ],
        nonTriggering: [
            "import json\nfrom flask import request\n\ndef load():\n    return json.loads(request.data)\n",
            "import yaml\nfrom flask import request\n\ndef load():\n    return yaml.safe_load(request.data)\n",
            "import torch\nfrom flask import request\n\ndef load():\n    return torch.load(request.files[\"m\"], weights_only=True)\n",
            // A model file the deployment's environment names: its own file.
            "import os, pickle\nMODEL_PATH = os.environ.get(\"MODEL_PATH\", \"/srv/model.pkl\")\n\ndef load():\n    with open(MODEL_PATH, \"rb\") as fh:\n        return pickle.load(fh)\n",
            // A shelf where the operator's settings put it: a file path, chosen by configuration.
            "import os, shelve\n\ndef cache():\n    return shelve.open(os.path.join(os.environ.get(\"XDG_CACHE_HOME\", \"/tmp\"), \"app\"))\n",
        ]
    )

    var sinkNoun: String { "a deserializer" }

    /// `shelve.open` takes the shelf's path, not its bytes: one the operator's settings name is
    /// configuration (untrusted data choosing it still is the flaw).
    func operatorDataIsHarmless(in call: CallSite) -> Bool { call.qualifiedName == "shelve.open" }

    static let functions: Set<String> = [
        "pickle.loads", "pickle.load", "pickle.Unpickler", "cPickle.loads", "cPickle.load", "_pickle.loads", "dill.loads", "dill.load",
        "marshal.loads", "marshal.load", "shelve.open", "jsonpickle.decode", "pandas.read_pickle", "torch.load",
        "yaml.unsafe_load", "yaml.unsafe_load_all", "yaml.full_load", "joblib.load", "cloudpickle.load", "cloudpickle.loads",
        "dill.Unpickler", "pickle._loads", "keras.models.load_model",
    ]

    func sinkArguments(of call: CallSite, imports: ImportTable) -> [Expr] {
        // `weights_only=True` has torch refuse anything but tensors and plain containers.
        if call.qualifiedName == "torch.load", call.argument("weights_only")?.isTruthyConstant == true { return [] }
        if Self.functions.contains(call.qualifiedName) { return Array(call.arguments.prefix(1)) }
        if call.qualifiedName == "numpy.load", call.argument("allow_pickle", position: 2)?.isTruthyConstant == true {
            return Array(call.arguments.prefix(1))
        }
        if call.qualifiedName == "yaml.load" || call.qualifiedName == "yaml.load_all" {
            if let loader = call.argument("Loader", position: 1), let name = imports.qualifiedName(of: loader),
               name.hasSuffix("SafeLoader") || name.hasSuffix("BaseLoader") {
                return []
            }
            return SinkMatching.first(call, keyword: "stream")
        }
        return []
    }
}
