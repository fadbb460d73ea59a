({
    onInit: function (component, event, helper) {
        helper.sendCurrentStatus(component);
    },

    onStatusChanged: function (component, event, helper) {
        helper.relay(component, {
            type: 'statusChanged',
            statusId: event.getParam('statusId'),
            statusApiName: event.getParam('statusApiName'),
            statusName: event.getParam('statusName'),
            reason: event.getParam('reason')
        });
    },

    onLoginSuccess: function (component, event, helper) {
        helper.relay(component, { type: 'loginSuccess', statusId: event.getParam('statusId') });
    },

    onLogout: function (component, event, helper) {
        helper.relay(component, { type: 'logout', reason: event.getParam('reason') || '' });
    },

    onWorkAccepted: function (component, event, helper) {
        helper.relay(component, {
            type: 'workAccepted',
            workItemId: event.getParam('workItemId'),
            workId: event.getParam('workId')
        });
    },

    onWorkClosed: function (component, event, helper) {
        helper.relay(component, {
            type: 'workClosed',
            workItemId: event.getParam('workItemId'),
            workId: event.getParam('workId')
        });
    },

    // an LWC CustomEvent's detail properties arrive as event parameters
    handleCommand: function (component, event, helper) {
        helper.runCommand(component, {
            type: event.getParam('type'),
            id: event.getParam('id'),
            statusId: event.getParam('statusId')
        });
    }
});
