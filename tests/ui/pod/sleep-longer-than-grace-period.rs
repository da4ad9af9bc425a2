fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        terminationGracePeriodSeconds: 20s,
        containers: [ {
            name: "app",
            image: "nginx:1.27",
            lifecycle: { preStop: { sleep: { seconds: 1m } } },
        } ],
    };
}
