fn main() {
    let _db = k8s_dsl::statefulset! {
        name: "db",
        serviceName: "db",
        selector: { matchLabels: { app: "api" } },
        template: {
            labels: { app: "db" },
            containers: [ { name: "db", image: "postgres:17" } ],
        },
    };
}
