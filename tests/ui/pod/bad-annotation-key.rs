fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        annotations: { "prometheus.io/port/number": "9113" },
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
