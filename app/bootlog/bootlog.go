// Package bootlog holds back what the standard logger prints while the
// program's packages are initialised, so that the command line prints only
// its own output.
//
// Fyne's lang package reads the user's locale in its init and logs three
// "Fyne error: Error parsing user locale C" lines when LANG is C.UTF-8
// (Docker's and CI's default). Mixplan's one program links Fyne for the
// window, so those inits run even for "mixplan report". This package has
// no imports but the standard library's earliest ones and an import path
// that sorts before text/template, which fyne.io/fyne/v2/lang needs: by the
// Go specification's initialisation order (packages by import path, each
// as soon as its imports are ready) its init runs before Fyne's, and
// diverts the logger. main then calls Release: the command line drops what
// was held back, the window prints it.
package bootlog

import (
	"bytes"
	"log"
	"os"
)

var held bytes.Buffer

func init() { log.SetOutput(&held) }

// Release sends the standard logger to standard error again and returns
// what it printed until now.
func Release() string {
	log.SetOutput(os.Stderr)
	return held.String()
}
