fn main() {
    let _deployment = k8s_dsl::deployment! {
        name: "web",
        strategy: { type: RollingUpdate, rollingUpdate: { maxSurge: "one", maxUnavailable: -1 } },
        template: {
            labels: { app: "web" },
            containers: [ { name: "web", image: "nginx:1.27" } ],
        },
    };
}
