// Command etcd is etcd's own server, built from go.etcd.io/etcd/server/v3 at
// the release that k8s.io/kubernetes requires, for the conformance tests.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
