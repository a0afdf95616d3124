package main

import (
	"errors"
	"strings"
)

// sayWhich ends interp's error for a question that needs one agreement
// when several are loaded.
const sayWhich = "; say which"

// nameAgreementFlag rewrites the error asking which of several agreements
// is meant to name the way to say it: the --agreement flag, or for
// decide, the action's "agreement" field.
func nameAgreementFlag(cmd string, err error) error {
	if err == nil || !strings.HasPrefix(err.Error(), "several agreements are loaded") || !strings.HasSuffix(err.Error(), sayWhich) {
		return err
	}
	how := " with --agreement NAME"
	if strings.HasSuffix(cmd, "decide") {
		how = ` with "agreement": "NAME" in the action`
	}
	return errors.New(err.Error() + how)
}
