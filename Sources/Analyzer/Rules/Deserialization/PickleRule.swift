import PythonSyntax

/// B301: unpickling runs code chosen by whoever wrote the data.
struct PickleRule: Rule {
    static let description = RuleDescription(
        code: "ASC301", name: "unsafe-deserialization", banditID: "B301", cwe: 502, severity: .medium, confidence: .high,
        rationale: """
        pickle, dill, shelve and jsonpickle rebuild objects by calling what the data names, so \
        loading untrusted bytes runs attacker code. Exchange JSON (or another data-only format) \
        and validate it.
        """,
        triggering: [
            "import pickle\nobj = ↓pickle.loads(blob)\n",
            "import dill\nobj = ↓dill.load(f)\n",
            "import shelve\ndb = ↓shelve.open(path)\n",
            "import jsonpickle\nobj = ↓jsonpickle.decode(text)\n",
            "import pandas as pd\ndf = ↓pd.read_pickle(path)\n",
        ],
        nonTriggering: [
            "import pickle\nblob = pickle.dumps(obj)\n",
            "import json\nobj = json.loads(text)\n",
        ]
    )

    var callees: Set<String> {
        ["pickle.loads", "pickle.load", "pickle.Unpickler", "cPickle.loads", "cPickle.load", "cPickle.Unpickler",
         "_pickle.loads", "_pickle.load", "dill.loads", "dill.load", "dill.Unpickler", "shelve.open", "shelve.DbfilenameShelf",
         "jsonpickle.decode", "jsonpickle.unpickler.decode", "pandas.read_pickle"]
    }

    func check(call: CallSite, context: inout RuleContext) {
        context.report(call.expression.loc, "\(call.qualifiedName) deserializes data that can run arbitrary code",
                       fixHint: "use a data-only format such as JSON")
    }
}
