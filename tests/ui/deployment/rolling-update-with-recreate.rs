fn main() {
    let _deployment = k8s_dsl::deployment! {
        name: "web",
        strategy: { type: Recreate, rollingUpdate: { maxSurge: 1 } },
        template: {
            labels: { app: "web" },
            containers: [ { name: "web", image: "nginx:1.27" } ],
        },
    };
}
