fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        restartPolicy: Newver,
        containers: [ { name: "app", image: "nginx:1.27" } ],
    };
}
