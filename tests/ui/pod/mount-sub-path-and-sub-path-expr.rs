fn main() {
    let _pod = k8s_dsl::pod! {
        name: "web",
        volumes: [ { name: "logs", emptyDir: {} } ],
        containers: [ {
            name: "app",
            image: "nginx:1.27",
            volumeMounts: [ { name: "logs", mountPath: "/logs", subPath: "app", subPathExpr: "$(POD_NAME)" } ],
        } ],
    };
}
