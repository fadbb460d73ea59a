({
    relay: function (component, omniEvent) {
        var connector = component.find('connector');
        if (connector) {
            connector.omniEvent(omniEvent);
        }
    },

    // getServicePresenceStatusId rejects while the agent is logged out of Omni-Channel
    sendCurrentStatus: function (component) {
        var helper = this;
        return component
            .find('omniToolkit')
            .getServicePresenceStatusId()
            .then(
                $A.getCallback(function (result) {
                    helper.relay(component, {
                        type: 'currentStatus',
                        statusId: result.statusId,
                        statusApiName: result.statusApiName,
                        statusName: result.statusName
                    });
                })
            )
            .catch(
                $A.getCallback(function () {
                    helper.relay(component, {
                        type: 'currentStatus',
                        statusId: null,
                        statusApiName: null,
                        statusName: null
                    });
                })
            );
    },

    runCommand: function (component, command) {
        var helper = this;
        var omni = component.find('omniToolkit');
        var run;
        if (command.type === 'setStatus') {
            run = omni.setServicePresenceStatus({ statusId: command.statusId });
        } else if (command.type === 'logout') {
            run = omni.logout();
        } else if (command.type === 'getCurrentStatus') {
            run = helper.sendCurrentStatus(component);
        } else {
            run = Promise.reject(new Error('unknown command ' + command.type));
        }
        Promise.resolve(run).then(
            $A.getCallback(function () {
                helper.answer(component, { id: command.id, ok: true });
            }),
            $A.getCallback(function (error) {
                helper.answer(component, {
                    id: command.id,
                    ok: false,
                    error: String((error && error.message) || error)
                });
            })
        );
    },

    answer: function (component, result) {
        var connector = component.find('connector');
        if (connector) {
            connector.omniCommandResult(result);
        }
    }
});
