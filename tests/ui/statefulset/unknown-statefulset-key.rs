fn main() {
    let _db = k8s_dsl::statefulset! {
        name: "db",
        servceName: "db",
        template: {
            labels: { app: "db" },
            containers: [ { name: "db", image: "postgres:17" } ],
        },
    };
}
