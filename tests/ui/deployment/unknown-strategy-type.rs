fn main() {
    let _deployment = k8s_dsl::deployment! {
        name: "web",
        strategy: { type: Rolling },
        template: {
            labels: { app: "web" },
            containers: [ { name: "web", image: "nginx:1.27" } ],
        },
    };
}
