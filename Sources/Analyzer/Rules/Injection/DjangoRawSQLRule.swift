import PythonSyntax

/// B611: Django `RawSQL` built from a query that is not a constant.
struct DjangoRawSQLRule: Rule {
    static let description = RuleDescription(
        code: "ASC611", name: "django-raw-sql", banditID: "B611", cwe: 89, severity: .medium, confidence: .medium,
        rationale: """
        RawSQL inserts its query text into the statement as is. Keep the SQL a constant with %s \
        placeholders and pass the values as params: RawSQL("SELECT col FROM t WHERE id = %s", (id,)).
        """,
        triggering: [
            "from django.db.models.expressions import RawSQL\nqs.annotate(val=RawSQL(↓sql, ()))\n",
            "from django.db import models\nmodels.expressions.RawSQL(↓f\"SELECT {col} FROM t\", [])\n",
        ],
        nonTriggering: [
            "from django.db.models.expressions import RawSQL\nRawSQL(\"SELECT col FROM t WHERE id = %s\", (pk,))\n",
            "RawSQL(sql, ())\n",  // not Django's
            // A module constant is as fixed as the literal.
            "from django.db.models.expressions import RawSQL\nCOUNT_SQL = (\"SELECT COUNT(*) FROM r \"\n             \"WHERE r.rating >= %s\")\nqs = Product.objects.annotate(n=RawSQL(COUNT_SQL, (4,)))\n",
        ]
    )

    var callees: Set<String> { ["django.db.models.RawSQL", "django.db.models.expressions.RawSQL"] }

    func check(call: CallSite, context: inout RuleContext) {
        guard let sql = call.argument("sql", position: 0), !context.isFixedText(sql) else { return }
        context.report(sql.loc, "RawSQL with a non-constant query (SQL injection)", fixHint: "keep the SQL constant and pass params")
    }
}
