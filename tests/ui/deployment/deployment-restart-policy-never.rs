fn main() {
    let _deployment = k8s_dsl::deployment! {
        name: "web",
        template: {
            labels: { app: "web" },
            restartPolicy: Never,
            containers: [ { name: "web", image: "nginx:1.27" } ],
        },
    };
}
