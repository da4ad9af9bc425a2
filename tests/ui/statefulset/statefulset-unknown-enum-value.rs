fn main() {
    let _db = k8s_dsl::statefulset! {
        name: "db",
        serviceName: "db",
        template: {
            labels: { app: "db" },
            containers: [ { name: "db", image: "postgres:17", imagePullPolicy: Sometimes } ],
        },
    };
}
